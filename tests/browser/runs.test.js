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
const { test, run, assert, assertEq, openPage, hparamsFilterBox } = require('./harness');
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
  await page.waitForFunction((n) => window.eventlens.progress().runLoading.runs === n, RUNS, { timeout: 60000 });
  const listedMs = Date.now() - t0;
  let s = await state(page);
  assertEq(s.runLoading.selective, true, 'past the 200-run limit the page reads only picked runs');
  // Sizes are learnt between frames after the listing (each is a file system call).
  await page.waitForFunction((t) => window.eventlens.progress().runLoading.bytes === t, RUNS * FILE_BYTES,
    { timeout: 120000, polling: 250 });
  s = await state(page);
  // progress() is the state's loading counts alone (cheap to poll with 10,000 runs).
  const pr = await page.evaluate(() => window.eventlens.progress());
  assertEq(Object.keys(pr), ['hparamsPeek', 'loading', 'runLoading'], 'what progress() holds');
  for (const k of Object.keys(pr)) assertEq(pr[k], s[k], `progress().${k} is state().${k}`);
  assertEq(s.runLoading.wanted, 0, 'no run picked yet');
  assertEq(s.runs.length, 0, 'no run read');
  assertEq(s.loading.active, false, 'nothing is loading');
  assertEq(s.loading.bytesDone, 0, 'no byte read');
  await page.screenshot({ path: path.join(OUT, 'runs-listed.png') });

  // trial_00000 .. trial_00049: 50 runs.
  const t1 = Date.now();
  assertEq(await page.evaluate(() => window.eventlens.loadRuns('^trial_000[0-4]\\d$')), 50, 'runs matched');
  await page.waitForFunction(() => { const p = window.eventlens.progress(); return p.runLoading.read === 50 && !p.loading.active; },
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

// Trial r's hparams, as `eventlens demo --many-runs` writes them (src/cli/demo_seeds.h).
const trialHparams = (r) => ({ lr: [0.1, 0.03, 0.01, 0.003, 0.001][r % 5], batch_size: 32 << (Math.floor(r / 5) % 4),
  optimizer: Math.floor(r / 20) % 2 ? 'lamb' : 'adam', seed: Math.floor(r / 40) });
const trialName = (r) => `trial_${String(r).padStart(5, '0')}`;

test('10,000 unread runs are picked by their hparams: filtered on HParams, only the matching runs read', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', MANY);
  await page.waitForFunction((n) => window.eventlens.progress().runLoading.runs === n, RUNS, { timeout: 60000 });
  const t0 = Date.now();
  await page.evaluate(() => window.eventlens.show('hparams'));
  // Showing HParams reads the head of every unread run's file (64 KB at most; these are 6 KB).
  await page.waitForFunction((n) => { const p = window.eventlens.progress().hparamsPeek; return p.asked === n && p.done === n; },
    RUNS, { timeout: 120000, polling: 250 });
  const peekMs = Date.now() - t0;
  await page.waitForFunction((n) => { const s = window.eventlens.state(); return s.hparams && s.hparams.sessions.length === n; },
    RUNS, { timeout: 10000 });
  let s = await state(page);
  assertEq(s.hparamsPeek.failures, 0, 'heads that could not be read');
  assertEq(s.runLoading.wanted, 0, 'no run is read to learn its hparams');
  assertEq(s.runs.length, 0, 'no run read');
  assertEq(s.loading.bytesDone, 0, 'no byte counted as read');
  assertEq(s.hparams.hparams.map((h) => h.name), ['lr', 'batch_size', 'optimizer', 'seed'], 'hparam columns');
  assertEq(s.hparams.metrics, [], 'no metric before any run is read');
  for (let r = 0; r < RUNS; r++) {
    const got = s.hparams.sessions[r];
    assertEq(got.run, trialName(r), `session ${r}`);
    assertEq(got.hparams, trialHparams(r), `hparams of ${got.run}`);
    assertEq(got.status, 'success', `status of ${got.run}`);
    assertEq(got.not_read, true, `${got.run} is not read`);
  }
  assertEq(s.hparamsView.unreadRuns, RUNS, 'runs not read, as the dashboard counts them');

  // Filters typed in the table: lr = 0.1 and seed < 10 keep trials r < 400 with r % 5 = 0.
  for (const [key, text] of [['h:lr', '0.1'], ['h:seed', '< 10']]) {
    const box = await hparamsFilterBox(page, key);
    await page.mouse.move(box.x, box.y);  // hovered first: ImGui takes a click on what the last frame hovered
    await page.waitForTimeout(200);
    await page.mouse.click(box.x, box.y);
    await page.keyboard.type(text);
  }
  const want = Array.from({ length: 80 }, (_, i) => trialName(i * 5));
  await page.waitForFunction((n) => window.eventlens.state().hparamsView.rows.length === n, want.length, { timeout: 10000 });
  s = await state(page);
  assertEq([...s.hparamsView.rows].sort(), want, 'the sessions the filters keep');
  assertEq(s.hparamsView.unreadSessions, 80, 'of them not read');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'runs-hparams-filtered.png') });

  const t1 = Date.now();
  await page.mouse.click(s.hparamsView.readButton[0], s.hparamsView.readButton[1]);
  await page.waitForFunction((n) => { const s = window.eventlens.state(); return s.runLoading.read === n && !s.loading.active; },
    want.length, { timeout: 60000 });
  const loadMs = Date.now() - t1;
  s = await state(page);
  assertEq(s.runs.map((r) => r.name), want, 'exactly the matching runs are read');
  assertEq(s.loading.bytesDone, want.length * FILE_BYTES, 'only their bytes');
  for (const r of s.runs) assertEq(r.tags.scalars, { accuracy: STEPS, loss: STEPS }, `points of ${r.name}`);
  // Their sessions now have metrics; trial r's last loss is 0.1 + (r % 97) / 200 + e^(-99/20), as float32.
  await page.waitForFunction(() => window.eventlens.state().hparams.metrics.length === 2, null, { timeout: 10000 });
  s = await state(page);
  for (const name of want) {
    const session = s.hparams.sessions.find((x) => x.run === name);
    const r = Number(name.slice(6));
    assert(!session.not_read, `${name} is read`);
    const loss = session.metrics.find((m) => m.tag === 'loss');
    assertEq(loss.last, Math.fround(0.1 + (r % 97) / 200 + Math.exp(-99 / 20)), `last loss of ${name}`);
  }
  assertEq(s.hparams.sessions.filter((x) => x.not_read).length, RUNS - 80, 'the others are still not read');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'runs-hparams-read.png') });
  assertEq(problems, [], 'console errors/warnings');
  console.log(`bench: hparams of ${RUNS} unread runs read in ${peekMs} ms; 80 picked by hparams, read in ${loadMs} ms`);
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
