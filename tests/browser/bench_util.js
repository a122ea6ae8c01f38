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

// CPU seconds used so far by Chromium's processes, by kind ("renderer",
// "gpu-process", "browser", ...), from /proc (Linux; {} elsewhere). Two
// readings around a load say whether the machine's cores were already busy:
// on 2 cores a software GPU's rendering takes much of the second one.
function chromiumCpuSeconds() {
  const out = {};
  let pids = [];
  try { pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)); } catch (e) { return out; }
  for (const pid of pids) {
    try {
      if (!/chrom/i.test(fs.readFileSync(`/proc/${pid}/comm`, 'utf8'))) continue;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const kind = (/--type=([a-z-]+)/.exec(cmd) || [null, 'browser'])[1];
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out[kind] = (out[kind] || 0) + (Number(f[11]) + Number(f[12])) / 100;  // utime + stime, in ticks of 1/100 s
    } catch (e) { /* the process ended */ }
  }
  return out;
}

// Readings of chromiumCpuSeconds() every `everyMs` from now on, each with its
// time (ms since the epoch); stop() ends them. between(from, to) is the CPU
// each kind used between two times on that clock (a page's
// performance.timeOrigin + performance.now()), interpolated between readings:
// the CPU of a load exactly as long as the load, with no polling latency added.
function cpuTimeline(everyMs = 50) {
  const readings = [{ t: Date.now(), cpu: chromiumCpuSeconds() }];
  const timer = setInterval(() => readings.push({ t: Date.now(), cpu: chromiumCpuSeconds() }), everyMs);
  const at = (t) => {  // each kind's CPU seconds at time t
    let i = readings.findIndex((r) => r.t >= t);
    if (i < 0) i = readings.length - 1;
    const b = readings[i], a = readings[Math.max(0, i - 1)];
    const f = b.t > a.t ? Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t))) : 1;
    const out = {};
    for (const k of new Set([...Object.keys(a.cpu), ...Object.keys(b.cpu)]))
      out[k] = (a.cpu[k] || 0) + f * ((b.cpu[k] || 0) - (a.cpu[k] || 0));
    return out;
  };
  return {
    stop: () => clearInterval(timer),
    between(from, to) {
      const a = at(from), b = at(to), used = {};
      let total = 0;
      for (const k of Object.keys(b)) {
        const d = b[k] - (a[k] || 0);
        if (d >= 0.01) used[k] = +d.toFixed(2), total += d;
      }
      return { used, total: +total.toFixed(2), seconds: +((to - from) / 1000).toFixed(2) };
    },
  };
}

module.exports = { REPO, serveSite, startBench, frameTimesAlong, pointsAlong, chromiumCpuSeconds, cpuTimeline };
