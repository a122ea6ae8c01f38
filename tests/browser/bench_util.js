// What the page benchmarks share: a static server for the site on a free
// loopback port and headless Chromium with the software GPU the tests use.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');

const REPO = path.resolve(__dirname, '../..');

// Serves `site` (scripts/http_server.py) on a free loopback port. Returns its
// origin and stop().
async function serveSite(site) {
  const portFile = path.join(os.tmpdir(), `el-site-port-${process.pid}-${Date.now()}`);
  const server = spawn('python3', [path.join(REPO, 'scripts/http_server.py'), '--root', site, '--port', '0',
    '--port-file', portFile], { stdio: 'ignore' });
  const port = () => (fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : '');
  for (let i = 0; i < 100 && !port(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!port()) {
    server.kill();
    throw new Error('the static server did not start');
  }
  const origin = `http://127.0.0.1:${port()}`;
  const stop = () => {
    server.kill();
    fs.rmSync(portFile, { force: true });
  };
  return { origin, stop };
}

// Serves `site` and launches Chromium (with `extraArgs`). Returns the site's
// origin, the browser, and stop() to close both.
async function startBench(site, extraArgs = []) {
  const served = await serveSite(site);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...extraArgs] });
  const stop = async () => {
    await browser.close();
    served.stop();
  };
  return { origin: served.origin, browser, stop };
}

// The page's own frame CPU times (p50, p95, count) while the cursor moves from
// `start` through `points`, resting `holdMs` at each; with `button`, pressed
// all the way (a drag: pan, orbit).
async function frameTimesAlong(page, start, points, { button = null, holdMs = 16 } = {}) {
  await page.mouse.move(start[0], start[1]);
  await page.evaluate(() => window.eventlens.resetFrameStats());
  if (button) await page.mouse.down({ button });
  for (const [x, y] of points) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(holdMs);
  }
  if (button) await page.mouse.up({ button });
  const s = (await page.evaluate(() => window.eventlens.state())).frameMs;
  return { p50: +s.p50.toFixed(2), p95: +s.p95.toFixed(2), frames: s.n };
}

// `n` points from f(i), i = 0..n-1.
const pointsAlong = (n, f) => Array.from({ length: n }, (_, i) => f(i));

module.exports = { REPO, serveSite, startBench, frameTimesAlong, pointsAlong };
