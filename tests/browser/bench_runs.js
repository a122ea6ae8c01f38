// The runs-first benchmark (run by scripts/bench, not a test):
//   node bench_runs.js SITE_DIR LOGDIR
// LOGDIR is `eventlens demo --many-runs`: 10,000 runs of one small file each.
// Prints, for Chromium on this machine: the time from the folder's files
// reaching the page (the input's change event) to every run listed, the time
// to read 50 runs picked by a regex and the bytes read for them, and frame
// CPU time while the runs list scrolls, and the time to read the hparams of
// the runs not read (the HParams tab).
'use strict';
const fs = require('fs');
const path = require('path');
const { startBench } = require('./bench_util');

const [SITE, LOGDIR] = process.argv.slice(2);

(async () => {
  const { origin, browser, stop } = await startBench(SITE);
  const out = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(origin + '/');
    await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
    // The page's clock at the change event (Playwright's own transfer of 10,000 paths is not the page's time).
    await page.evaluate(() => document.getElementById('open-folder').addEventListener('change',
      () => { window.benchChangeAt = performance.now(); }, { capture: true }));
    await page.setInputFiles('#open-folder', LOGDIR);
    out.listed_ms = await page.evaluate(() => new Promise((resolve) => {
      const poll = () => {
        const s = window.eventlens.progress();
        if (s.runLoading.runs === 10000) resolve(Math.round(performance.now() - window.benchChangeAt));
        else setTimeout(poll, 20);
      };
      poll();
    }));
    // Every file of the logdir has the same size (same records): all sized when the total is 10,000 of it.
    const total = 10000 * fs.statSync(path.join(LOGDIR, 'trial_00000', 'events.out.tfevents.1700000000.many')).size;
    await page.waitForFunction((t) => window.eventlens.progress().runLoading.bytes === t, total, { timeout: 60000, polling: 50 });
    out.sized_ms = await page.evaluate(() => Math.round(performance.now() - window.benchChangeAt));
    out.picked = await page.evaluate(() => { window.benchPickAt = performance.now(); return window.eventlens.loadRuns('^trial_000[0-4]\\d$'); });
    out.read_ms = await page.evaluate(() => new Promise((resolve) => {
      const poll = () => {
        const s = window.eventlens.progress();
        if (s.runLoading.read === 50 && !s.loading.active) resolve(Math.round(performance.now() - window.benchPickAt));
        else setTimeout(poll, 10);
      };
      poll();
    }));
    const s = await page.evaluate(() => window.eventlens.state());
    out.runs_read = s.runs.length;
    out.bytes_read = s.loading.bytesDone;
    out.bytes_listed = s.runLoading.bytes;
    // Scrolling the list of 9,950 unread and 50 read runs.
    await page.mouse.move(150, 650);
    await page.evaluate(() => window.eventlens.resetFrameStats());
    for (let i = 0; i < 40; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(30); }
    out.scroll = (await page.evaluate(() => window.eventlens.state())).frameMs;
    // The hparams of the 9,950 unread runs, from the head of each one's file (the HParams tab).
    out.peek_runs = await page.evaluate(() => { window.benchPeekAt = performance.now(); window.eventlens.show('hparams');
      const p = window.eventlens.progress();
      return p.runLoading.runs - p.runLoading.wanted; });
    out.peek_ms = await page.evaluate((n) => new Promise((resolve) => {
      const poll = () => {
        const p = window.eventlens.progress().hparamsPeek;
        if (p.asked === n && p.done === n) resolve(Math.round(performance.now() - window.benchPeekAt));
        else setTimeout(poll, 20);
      };
      poll();
    }), out.peek_runs);
    out.sessions = (await page.evaluate(() => window.eventlens.state())).hparams.sessions.length;
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})().catch((err) => { console.error(err); process.exit(1); });
