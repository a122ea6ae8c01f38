// Browser tests of runs first, data on demand (issue: Scale):
//   node runs.test.js BASE_URL OUT_DIR SITE_DIR
// A logdir of 10,000 runs (`eventlens demo --many-runs`: trial_00000 ..
// trial_09999, 100 steps of loss and accuracy each) is past the load limit
// (200 runs), so its runs are listed at once and only the runs picked are
// read; unloading a run frees it and it can be read again. A small logdir
// within the limits is read whole, as before. Prints the listing and loading
// times (scripts/bench reads them).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, run, assert, assertEq, openPage } = require('./harness');
const { scalarFile } = require('./events');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'build/native/eventlens');

const MANY = fs.mkdtempSync(path.join(os.tmpdir(), 'el-many-'));
execFileSync(CLI, ['demo', MANY, '--many-runs']);
const RUNS = 10000, STEPS = 100;
// Every file is the same size (same records, same varint lengths): read it once.
const FILE_BYTES = fs.statSync(path.join(MANY, 'trial_00000', 'events.out.tfevents.1700000000.many')).size;

const state = (page) => page.evaluate(() => window.eventlens.state());

test('10,000 runs are listed at once and only the runs picked by regex are read', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const t0 = Date.now();
  await page.setInputFiles('#open-folder', MANY);
  await page.waitForFunction((n) => window.eventlens.state().runLoading.runs === n, RUNS, { timeout: 60000 });
  const listedMs = Date.now() - t0;
  let s = await state(page);
  assertEq(s.runLoading.selective, true, 'past the 200-run limit the page reads only picked runs');
  // Sizes are learnt between frames after the listing (each is a file system call).
  await page.waitForFunction((t) => window.eventlens.state().runLoading.bytes === t, RUNS * FILE_BYTES,
    { timeout: 120000, polling: 250 });
  s = await state(page);
  assertEq(s.runLoading.wanted, 0, 'no run picked yet');
  assertEq(s.runs.length, 0, 'no run read');
  assertEq(s.loading.active, false, 'nothing is loading');
  assertEq(s.loading.bytesDone, 0, 'no byte read');
  await page.screenshot({ path: path.join(OUT, 'runs-listed.png') });

  // trial_00000 .. trial_00049: 50 runs.
  const t1 = Date.now();
  assertEq(await page.evaluate(() => window.eventlens.loadRuns('^trial_000[0-4]\\d$')), 50, 'runs matched');
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runLoading.read === 50 && !s.loading.active; },
    null, { timeout: 60000 });
  const loadMs = Date.now() - t1;
  s = await state(page);
  assertEq(s.runs.length, 50, 'runs read');
  assertEq(s.runs.map((r) => r.name), Array.from({ length: 50 }, (_, i) => `trial_${String(i).padStart(5, '0')}`), 'the runs picked');
  for (const r of s.runs) assertEq(r.tags.scalars, { accuracy: STEPS, loss: STEPS }, `points of ${r.name}`);
  assertEq(s.loading.bytesDone, 50 * FILE_BYTES, 'only their bytes were read');
  assertEq(s.runLoading.wanted, 50, 'runs wanted');
  // Their values, from the generator's formula: trial r settles at 0.1 + (r % 97) / 200, as float32.
  const pts = await page.evaluate(() => window.eventlens.series('trial_00042', 'loss'));
  const want = Math.fround(0.1 + 42 / 200 + Math.exp(-99 / 20));
  assertEq(pts.length, STEPS, 'points of trial_00042/loss');
  assertEq(pts[STEPS - 1][2], want, 'last loss of trial_00042');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'runs-picked.png') });

  // Unloaded: listed again, no data; read again: the same points.
  assertEq(await page.evaluate(() => window.eventlens.unloadRuns('^trial_0004\\d$')), 10, 'runs unloaded');
  await page.waitForTimeout(300);
  s = await state(page);
  assertEq(s.runs.length, 40, 'runs left');
  assertEq(s.runLoading.wanted, 40, 'wanted after unloading');
  assert(!s.runs.some((r) => r.name.startsWith('trial_0004')), 'the unloaded runs are gone');
  assertEq(await page.evaluate(() => window.eventlens.loadRuns('^trial_00042$')), 1, 'one read again');
  await page.waitForFunction(() => window.eventlens.state().runs.some((r) => r.name === 'trial_00042' && r.tags.scalars),
    null, { timeout: 30000 });
  await page.waitForFunction(() => !window.eventlens.state().loading.active, null, { timeout: 30000 });
  const again = await page.evaluate(() => window.eventlens.series('trial_00042', 'loss'));
  assertEq(again, pts, 'the same points after reading it again');
  assertEq(await page.evaluate(() => window.eventlens.loadRuns('([')), -1, 'an invalid regex is refused');
  assertEq(problems, [], 'console errors/warnings');
  console.log(`bench: runs listed ${RUNS} in ${listedMs} ms; picked 50 by regex, read in ${loadMs} ms`);
  await context.close();
});

test('a logdir within the limits is read whole; a lowered limit makes the next one selective', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const small = fs.mkdtempSync(path.join(os.tmpdir(), 'el-few-'));
  for (let r = 0; r < 5; r++) {
    fs.mkdirSync(path.join(small, `run_${r}`));
    fs.writeFileSync(path.join(small, `run_${r}`, 'events.out.tfevents.1.host'),
      scalarFile(Array.from({ length: 10 }, (_, i) => [i, 'loss', 1 / (i + 1 + r)])));
  }
  await page.setInputFiles('#open-folder', small);
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length === 5 && !s.loading.active; },
    null, { timeout: 30000 });
  let s = await state(page);
  assertEq(s.runLoading.selective, false, 'five runs are within the limits');
  for (const r of s.runs) assertEq(r.tags.scalars, { loss: 10 }, `points of ${r.name}`);
  // Limit 3 runs (this browser's preference, View > Loading limits), then a new logdir.
  await page.evaluate(() => window.eventlens.settings('ldruns=3'));
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5);
  await page.setInputFiles('#open-folder', small);
  await page.waitForFunction(() => window.eventlens.state().runLoading.runs === 5, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  s = await state(page);
  assertEq(s.runLoading.selective, true, 'five runs are past a limit of three');
  assertEq(s.runs.length, 0, 'none read');
  assert(/(^|&)ldruns=3/.test(s.settings.local), `the limit is kept in this browser: ${s.settings.local}`);
  assert(!/ldruns/.test(s.settings.text), 'and is not part of the link');
  assertEq(await page.evaluate(() => window.eventlens.loadRuns('')), 5, 'an empty regex reads every run');
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length === 5 && !s.loading.active; },
    null, { timeout: 30000 });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
