// Browser tests of the scalars dashboard: node scalars.test.js BASE_URL OUT_DIR SITE_DIR
// Opens corpus folders through the page's inputs and a synthetic drop, and
// checks what the UI holds against `eventlens export` on the same files and
// against smoothing computed here, independently.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'build/native/eventlens');
const CORPUS = process.env.EVENTLENS_CORPUS;

function exportScalars(paths) {
  let out;
  try {
    out = execFileSync(CLI, ['export', ...paths, '--kind', 'scalars'], { maxBuffer: 1 << 28 });
  } catch (e) {
    out = e.stdout;  // exit 1 = data problems: the export is still complete
  }
  return JSON.parse(out.toString()).runs;
}

async function loaded(page, runs) {
  await page.waitForFunction((n) => {
    const s = window.eventlens.state();
    return s.runs.length >= n && !s.loading.active;
  }, runs, { timeout: 60000 });
  return page.evaluate(() => window.eventlens.state());
}

// Every run and scalar tag the export has: same point count in state(), and
// the very same points (step, wall time, value) in series().
async function expectSameAsExport(page, state, exported) {
  const names = state.runs.map((r) => r.name).sort();
  assertEq(names, exported.map((r) => r.run).sort(), 'runs');
  let checked = 0;
  for (const r of exported) {
    const ui = state.runs.find((x) => x.name === r.run);
    const uiTags = (ui.tags.scalars) || {};
    assertEq(Object.keys(uiTags).sort(), Object.keys(r.scalars).sort(), `scalar tags of ${r.run}`);
    for (const [tag, points] of Object.entries(r.scalars)) {
      assertEq(uiTags[tag], points.length, `${r.run}/${tag} point count`);
      const held = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [r.run, tag]);
      const norm = (v) => (typeof v === 'string' ? v : v);  // "NaN"/"Infinity" stay strings in both
      assertEq(held.map((p) => [p[0], p[1], norm(p[2])]), points.map((p) => [p[0], p[1], norm(p[2])]),
        `${r.run}/${tag} points`);
      checked++;
    }
  }
  return checked;
}

test('a corpus folder opened through #open-folder shows what eventlens export reads', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const dir = path.join(CORPUS, 'pytorch-small');
  const chosenAt = await page.evaluate(() => performance.now());
  await page.setInputFiles('#open-folder', dir);
  const exported = exportScalars([dir]);
  const state = await loaded(page, exported.length);
  const checked = await expectSameAsExport(page, state, exported);
  assert(checked >= 20, `compared ${checked} series`);
  assertEq(state.dashboard, 'scalars', 'the scalars dashboard is shown');
  // The load is timed on the page's clock: it starts after the folder was
  // chosen and ends once every byte is in (the status bar reports it).
  const ld = state.loading;
  assert(ld.startedMs >= chosenAt && ld.finishedMs >= ld.startedMs && ld.finishedMs <= (await page.evaluate(() => performance.now())),
    `load timed: chosen at ${chosenAt}, started ${ld.startedMs}, finished ${ld.finishedMs}`);
  assertEq(ld.bytesDone, ld.bytesTotal, 'every byte read');
  await page.screenshot({ path: path.join(OUT, 'scalars-pytorch-small.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('files dropped on the page show what eventlens export reads', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const dir = path.join(CORPUS, 'realworld/tf2-keras');
  // A few real Keras files, dropped together: each is a run named after its file, as for `export FILE...`.
  const files = [];
  for (const d of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, d);
    if (fs.statSync(full).isFile() && d.includes('tfevents') && files.length < 3 && fs.statSync(full).size < 4e6)
      files.push(full);
  }
  assert(files.length > 0, 'found Keras event files');
  const payload = files.map((f) => ({ name: path.basename(f), data: Array.from(fs.readFileSync(f)) }));
  const dt = await page.evaluateHandle((list) => {
    const d = new DataTransfer();
    for (const f of list) d.items.add(new File([new Uint8Array(f.data)], f.name));
    return d;
  }, payload);
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
  const exported = exportScalars(files);
  const state = await loaded(page, exported.length);
  await expectSameAsExport(page, state, exported);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('smoothing equals the debiased EMA computed independently', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#smoothing=0.85');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  const state = await loaded(page, 3);
  assertEq(state.settings.smoothing, 0.85, 'smoothing from the link');
  const pts = await page.evaluate(() => window.eventlens.series('train', 'loss'));
  assertEq(pts.length, 3000, 'train/loss points shown (corpus_tags.tsv)');
  // TensorBoard's rule (semantics doc §8), written out here.
  const w = 0.85;
  let last = 0, n = 0;
  for (const [step, , value, smoothed] of pts) {
    if (typeof value !== 'number') continue;  // NaN/Infinity pass through, uncounted
    n++;
    last = last * w + (1 - w) * value;
    const want = last / (1 - Math.pow(w, n));
    assert(Math.abs(smoothed - want) <= 1e-12 * Math.max(1, Math.abs(want)), `step ${step}: ${smoothed} vs ${want}`);
  }
  // The link reproduces the view: the hash carries the settings.
  const hash = await page.evaluate(() => location.hash);
  assert(/smoothing=0\.85/.test(hash), 'settings in the URL hash: ' + hash);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('settings persist across reloads (localStorage) and show() switches dashboard', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#smoothing=0.3&x=relative&y=log');
  await page.goto(BASE + '/');  // same origin: localStorage carries over
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady());
  const s = await page.evaluate(() => window.eventlens.state().settings);
  assertEq([s.smoothing, s.xAxis, s.logY], [0.3, 'relative', true], 'restored settings');
  await page.evaluate(() => window.eventlens.show('histograms'));
  await page.waitForFunction(() => window.eventlens.state().dashboard === 'histograms');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('the Problems panel names a corrupt file; good records stay', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const rel = 'pytorch-small/eval/events.out.tfevents.1795314436.vm.2669.6';  // 73 records
  const good = fs.readFileSync(path.join(CORPUS, rel));
  const bad = Buffer.from(good);
  bad[bad.length - 100] ^= 0xff;  // inside the data of a late record
  await page.setInputFiles('#open-files', { name: 'corrupt.tfevents', mimeType: 'application/octet-stream', buffer: bad });
  const state = await loaded(page, 1);
  const p = state.problems.filter((x) => x.file === 'corrupt.tfevents');
  assertEq(p.length, 1, 'one problem for the corrupt file');
  assert(/CRC/.test(p[0].message) && p[0].offset > 0, 'names the damage and offset: ' + p[0].message);
  // Quiet: the status bar's badge names the damage; the panel opens on a click, not by itself.
  assertEq(state.problemsPanel, false, 'the panel did not open by itself');
  const [bx, by, bw, bh] = state.problemsBadge;
  assert(bw > 0, 'a problems badge in the status bar');
  await page.mouse.click(bx + bw / 2, by + bh / 2);
  await page.waitForFunction(() => window.eventlens.state().problemsPanel === true, null, { timeout: 10000 });
  assertEq(state.files[0].records, 72, 'every other record is kept');
  await page.screenshot({ path: path.join(OUT, 'scalars-problems.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('a served logdir is followed live: appended records appear after a re-check', async (browser) => {
  // A logdir served with a manifest, whose file grows while the page is open.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'el-live-'));
  fs.mkdirSync(path.join(dir, 'run'));
  const src = fs.readFileSync(path.join(CORPUS, 'pytorch-small/eval/events.out.tfevents.1795314436.vm.2669.6'));
  const target = path.join(dir, 'run', 'events.out.tfevents.live');
  const cut = src.length - 40;  // the last record arrives later, in two pieces
  fs.writeFileSync(target, src.subarray(0, cut));
  const portFile = path.join(dir, 'port');
  const server = spawn('python3', [path.join(REPO, 'scripts/http_server.py'), '--root', path.join(REPO, 'build/site'),
    '--mount', '/data/0=' + dir, '--port', '0', '--port-file', portFile], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 100 && !(fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').trim()); i++)
      await new Promise((r) => setTimeout(r, 100));
    const url = `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}/`;
    const { page, context, problems } = await openPage(browser, url);
    let state = await loaded(page, 1);
    const before = state.files[0].records;
    assertEq(state.live, true, 'the live indicator is on');
    fs.appendFileSync(target, src.subarray(cut));
    await page.evaluate(() => window.eventlens.recheck());
    await page.waitForFunction((n) => window.eventlens.state().files[0].records > n, before, { timeout: 20000 });
    state = await page.evaluate(() => window.eventlens.state());
    assertEq(state.files[0].records, 73, 'the grown file is read to its end');
    assertEq(state.problems, [], 'no truncated-tail problem is left');
    assertEq(problems, [], 'console errors/warnings');
    await context.close();
  } finally {
    server.kill();
    fs.rmSync(dir, { recursive: true });
  }
});

test('crisp dashboard at devicePixelRatio 2', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/', { deviceScaleFactor: 2 });
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page, 3);
  await page.mouse.move(700, 300);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'scalars-dpr2-hover.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
