// The memory budget's benchmark (run by scripts/bench, not a test):
//   node bench_memory.js SITE_DIR LOGDIR
// LOGDIR holds 18 copies of `eventlens demo --big` (scripts/bench links them:
// 7.25 GB, about 6 GB once read in full), past the load limit: every run is picked. Prints, for Chromium on this machine: the time
// to load it to the end, the heap's peak against the budget, the budget's
// steps, what was reduced, and how many runs were read, listed or stopped.
'use strict';
const { startBench } = require('./bench_util');

const [SITE, LOGDIR] = process.argv.slice(2);

(async () => {
  const { origin, browser, stop } = await startBench(SITE);
  const out = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(origin + '/');
    await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
    const t0 = Date.now();
    await page.setInputFiles('#open-folder', LOGDIR);
    // Past the 2 GB load limit the runs are listed; the user reads them all (Read N matching).
    await page.waitForFunction(() => window.eventlens.state().runLoading.runs === 36, null, { timeout: 60000 });
    out.picked = await page.evaluate(() => window.eventlens.loadRuns('.'));
    await page.waitForFunction(() => {
      const s = window.eventlens.state();
      return s.loading.filesTotal > 0 && !s.loading.active;
    }, null, { timeout: 1800000, polling: 1000 });
    out.load_ms = Date.now() - t0;
    const s = await page.evaluate(() => window.eventlens.state());
    out.memory = s.memory;
    out.runs = s.runLoading.runs;
    out.read = s.runs.filter((r) => !r.empty).length;
    out.listed = s.runLoading.runs - s.runLoading.wanted;
    out.stopped = s.problems.filter((p) => p.kind === 'memory_budget').length;
    out.bytes_read = s.loading.bytesDone;
    out.scalar_points = s.runs.reduce((n, r) => n + Object.values(r.tags.scalars || {}).reduce((a, b) => a + b, 0), 0);
    out.errors = errors;
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
