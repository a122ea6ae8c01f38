// Browser test of the memory budget (issue: Scale):
//   node memory.test.js BASE_URL OUT_DIR SITE_DIR
// The page built with a 256 MB wasm memory (build/site-small, from
// scripts/build-web --small; this test serves it itself) opens a 1.2 GB logdir:
// three copies of `eventlens demo --big` (each: 50 scalar tags x 40,000 steps,
// and 20 histogram tags x 2,000 records of 450 buckets, about 330 MB once read).
// It must load to the end without aborting: histograms thinned to 500 records
// ("kept 500 of 2,000"), runs it has no room for listed, not read, and every
// scalar read exactly the points the native CLI exports from the same file.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, run, assert, assertEq, openPage } = require('./harness');
const { serveSite } = require('./bench_util');

const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'build/native/eventlens');
const SMALL_SITE = path.join(REPO, 'build/site-small');

// One demo --big, hard-linked into three copies (the page reads each as its own file).
const BIG = fs.mkdtempSync(path.join(os.tmpdir(), 'el-big-'));
execFileSync(CLI, ['demo', path.join(BIG, 'source'), '--big'], { stdio: 'ignore' });
const LOGDIR = path.join(BIG, 'logdir');
const COPIES = 3;
for (let c = 0; c < COPIES; c++)
  for (const run of ['scalars', 'histograms']) {
    const from = path.join(BIG, 'source', run);
    fs.mkdirSync(path.join(LOGDIR, `copy_${c}`, run), { recursive: true });
    for (const f of fs.readdirSync(from)) fs.linkSync(path.join(from, f), path.join(LOGDIR, `copy_${c}`, run, f));
  }
const EXPORTED = JSON.parse(execFileSync(CLI, ['export', path.join(BIG, 'source'), '--kind', 'scalars',
  '--run', '^scalars$', '--tag', '^group(0/series_0|4/series_49)$', '--format', 'json'], { maxBuffer: 1 << 28 }));
const REFERENCE = EXPORTED.runs.find((r) => r.run === 'scalars').scalars;

test('a 256 MB build loads a 1.2 GB logdir to the end, thinning histograms and keeping scalars exact', async (browser) => {
  assert(fs.existsSync(path.join(SMALL_SITE, 'index.html')), 'build/site-small exists (scripts/build-web --small)');
  const site = await serveSite(SMALL_SITE);
  try {
    const { page, context, problems } = await openPage(browser, site.origin + '/');
    const idle = (await page.evaluate(() => window.eventlens.state())).memory.inUse;
    const t0 = Date.now();
    await page.setInputFiles('#open-folder', LOGDIR);
    await page.waitForFunction(() => {
      const s = window.eventlens.state();
      return s.runLoading.runs === 6 && s.loading.filesTotal > 0 && !s.loading.active;
    }, null, { timeout: 240000, polling: 500 });
    const loadMs = Date.now() - t0;
    await page.waitForTimeout(500);
    const s = await page.evaluate(() => window.eventlens.state());
    const m = s.memory;
    assert(m.budget === 224 * 1024 * 1024, `the budget is 7/8 of 256 MB: ${m.budget}`);
    assert(m.peak < 256 * 1024 * 1024, `the heap stayed under the wasm limit: ${m.peak}`);
    assert(m.step >= 2, `histograms were thinned (step ${m.step})`);
    assertEq(m.histogramKeep, 500, 'records kept per histogram series');
    assert(/histograms thinned to 500 records a series/.test(m.reductions), `named: ${m.reductions}`);

    // What was read: runs with data. Every histogram series of a run read to its end keeps 500 of 2,000.
    const read = s.runs.filter((r) => !r.empty);
    assert(read.length >= 2, `at least two runs read: ${read.map((r) => r.name)} (step ${m.step}, peak ${m.peak}, ` +
      `reduced: ${m.reductions})`);
    const stoppedFiles = s.problems.filter((p) => p.kind === 'memory_budget').map((p) => p.file);
    const stopped = new Set(s.runs.filter((r) => stoppedFiles.some((f) => f.startsWith(r.name + '/') ||
      f.includes('/' + r.name + '/'))).map((r) => r.name));
    assertEq(stoppedFiles.length, stopped.size, 'each stopped file names its run');
    let scalarRuns = 0, histogramRuns = 0;
    for (const r of read) {
      if (stopped.has(r.name)) continue;  // stopped part way: its points are a prefix, checked below
      if (r.tags.histograms) {
        histogramRuns++;
        assertEq(Object.keys(r.tags.histograms).length, 20, `histogram tags of ${r.name}`);
        for (const [tag, n] of Object.entries(r.tags.histograms)) {
          assertEq(n, 500, `${r.name}/${tag} kept`);
          assertEq(r.recordsSeen[tag], 2000, `${r.name}/${tag} seen`);
        }
      }
      if (r.tags.scalars) {
        scalarRuns++;
        assertEq(Object.keys(r.tags.scalars).length, 50, `scalar tags of ${r.name}`);
        for (const n of Object.values(r.tags.scalars)) assertEq(n, 40000, `points of every tag of ${r.name}`);
      }
    }
    assert(scalarRuns >= 1, `a scalar run was read to its end (${read.map((r) => r.name)})`);
    // Scalars are exact: the same [step, wall time, value] as the CLI reads with no budget at all
    // (of a run stopped part way, the points read are the file's first ones).
    for (const r of read.filter((x) => x.tags.scalars))
      for (const tag of Object.keys(REFERENCE)) {
        const pts = (await page.evaluate(([run, t]) => window.eventlens.series(run, t), [r.name, tag]))
          .map((p) => p.slice(0, 3));
        const want = stopped.has(r.name) ? REFERENCE[tag].slice(0, pts.length) : REFERENCE[tag];
        assertEq(pts.length, want.length, `${r.name}/${tag} points`);
        const bad = pts.findIndex((p, i) => JSON.stringify(p) !== JSON.stringify(want[i]));
        assert(bad < 0, `${r.name}/${tag} point ${bad}: ${JSON.stringify(pts[bad])}, the file has ${JSON.stringify(want[bad])}`);
      }
    // The runs it had no room for are listed, not read, and the page says why.
    const notRead = s.runLoading.runs - s.runLoading.wanted;
    if (m.step >= 3) assert(notRead + stopped.size > 0, 'new runs stopped: some run is not read');
    assert(s.problemsBadge.length === 4 && s.problemsBadge[2] > 0, 'the problems badge is shown');
    await page.evaluate(() => window.eventlens.show('histograms'));
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(OUT, 'memory-small-histograms.png') });
    assertEq(problems, [], 'console errors/warnings');
    console.log(`bench: small build (256 MB) loaded ${COPIES} x demo --big in ${loadMs} ms; peak heap ` +
      `${(m.peak / 1048576).toFixed(0)} MB of a ${(m.budget / 1048576).toFixed(0)} MB budget (${(idle / 1048576).toFixed(0)} MB ` +
      `before opening; at the end ${(m.inUse / 1048576).toFixed(0)} MB, the store's columns ` +
      `${(m.storeBytes / 1048576).toFixed(0)} MB); step ${m.step}; ` +
      `${read.length} runs read (${scalarRuns} scalar, ${histogramRuns} histogram to the end), ${notRead} listed, ` +
      `${stopped.size} stopped; reduced: ${m.reductions}`);
    await context.close();
  } finally {
    site.stop();
  }
});

run().finally(() => fs.rmSync(BIG, { recursive: true, force: true }));
