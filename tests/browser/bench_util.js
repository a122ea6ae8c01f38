// What the page benchmarks share: a static server for the site on a free
// loopback port and headless Chromium with the software GPU the tests use.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { chromium } = require('playwright-core');

const REPO = path.resolve(__dirname, '../..');

// Serves `site` and launches Chromium (with `extraArgs`). Returns the site's
// origin, the browser, and stop() to close both.
async function startBench(site, extraArgs = []) {
  const portFile = path.join(os.tmpdir(), `el-bench-port-${process.pid}`);
  const server = spawn('python3', [path.join(REPO, 'scripts/http_server.py'), '--root', site, '--port', '0',
    '--port-file', portFile], { stdio: 'ignore' });
  const port = () => (fs.existsSync(portFile) ? fs.readFileSync(portFile, 'utf8').trim() : '');
  for (let i = 0; i < 100 && !port(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!port()) {
    server.kill();
    throw new Error('the static server did not start');
  }
  const origin = `http://127.0.0.1:${port()}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...extraArgs] });
  const stop = async () => {
    await browser.close();
    server.kill();
    fs.rmSync(portFile, { force: true });
  };
  return { origin, browser, stop };
}

module.exports = { REPO, startBench };
