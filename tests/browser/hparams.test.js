// Browser tests of the HParams and custom scalars dashboards, and of the
// scalar cards' multi-tag overlay:
//   node hparams.test.js BASE_URL OUT_DIR SITE_DIR
// Opens the PyTorch corpus folder (three add_hparams sessions and one
// TensorBoard-native session with an experiment record; a custom scalars
// layout in `train`) and checks state().hparams against
// tests/data/hparams_facts.tsv (tests/tools/hparams_facts.py's own decoding):
// every session, status, hparam value and metric. Hovers, clicks and brushes
// the parallel coordinates, shows the scatter-plot matrix from a link, and
// saves screenshots to look at.
'use strict';
const fs = require('fs');
const path = require('path');
const { test, run, assert, assertEq, openPage, doubleClickAt } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

const ALL_FACTS = fs.readFileSync(path.join(REPO, 'tests/data/hparams_facts.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t'))
  .map(([root, runName, status, hparams, metrics]) => ({ root, run: runName, status, hparams, metrics }));
const FACTS = ALL_FACTS.filter((f) => f.root === 'pytorch-small');

const text = (v) => (typeof v === 'boolean' ? String(v) : typeof v === 'number' ? pyFloat(v) : v);
// Python's repr(float(x)): integers keep a ".0".
function pyFloat(x) { return Number.isInteger(x) ? x.toFixed(1) : String(x); }

async function open(page, dash, root = 'pytorch-small') {
  await page.setInputFiles('#open-folder', path.join(CORPUS, root));
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
  await page.evaluate((d) => window.eventlens.show(d), dash);
  await page.waitForFunction((d) => { const s = window.eventlens.state(); return s.dashboard === d && s.chartsDrawn >= 1; },
    dash, { timeout: 20000 });
  return page.evaluate(() => window.eventlens.state());
}

// state().hparams of one corpus root against the facts: sessions, status, hparams, metrics.
function checkSessions(state, facts) {
  assertEq(state.hparams.sessions.map((s) => s.run), facts.map((f) => f.run), 'sessions');
  for (const f of facts) {
    const s = state.hparams.sessions.find((x) => x.run === f.run);
    assertEq(s.status, f.status, `${f.run} status`);
    const hp = Object.entries(s.hparams).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${text(v)}`).join(';');
    assertEq(hp, f.hparams, `${f.run} hparams`);
    const m = s.metrics.map((x) => `${x.group}|${x.tag}=${pyFloat(x.last)},${pyFloat(x.min)},${pyFloat(x.max)},${x.points}`).join(';');
    assertEq(m, f.metrics, `${f.run} metrics`);
  }
}

test('every session, hparam and metric equals the independent decoder\'s', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const state = await open(page, 'hparams');
  assertEq(FACTS.length, 4, 'sessions in the facts');
  checkSessions(state, FACTS);
  // Merged experiments: every hparam of the four sessions is a column.
  assertEq(state.hparams.hparams.map((h) => h.name),
    ['lr', 'batch_size', 'optimizer', 'nesterov', 'dropout', 'learning_rate', 'units', 'activation'], 'columns');
  assertEq(state.hparamsView.plot, 'parallel', 'parallel coordinates by default');
  assertEq(state.hparamsView.rows.length, 4, 'rows before filtering');
  await page.screenshot({ path: path.join(OUT, 'hparams-parallel.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('Lightning and TF2 Keras sessions in the page equal the facts too', async (browser) => {
  for (const root of ['realworld/pytorch-lightning', 'realworld/tf2-keras']) {
    const { page, context, problems } = await openPage(browser, BASE + '/');
    const state = await open(page, 'hparams', root);
    const facts = ALL_FACTS.filter((f) => f.root === root);
    assert(facts.length > 0, `${root} has sessions in the facts`);
    checkSessions(state, facts);
    await page.screenshot({ path: path.join(OUT, `hparams-${path.basename(root)}.png`) });
    assertEq(problems, [], 'console errors/warnings');
    await context.close();
  }
});

test('double-clicking a session\'s row shows its runs on the Scalars dashboard', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  let state = await open(page, 'hparams');
  const row = state.hparamsView.page.find((r) => r.run === 'lr_0.1');
  assert(row, 'the lr_0.1 row is drawn');
  // On a loaded machine a frame can outlast ImGui's double-click time and the
  // two clicks count as singles; a person would simply click again.
  for (let attempt = 0; attempt < 3; attempt++) {
    await doubleClickAt(page, row.x, row.y);
    const switched = await page.waitForFunction(() => window.eventlens.state().dashboard === 'scalars', null,
      { timeout: 3000 }).then(() => true, () => false);
    if (switched) break;
  }
  assertEq(await page.evaluate(() => window.eventlens.state().dashboard), 'scalars', 'the dashboard after a double click');
  state = await page.evaluate(() => window.eventlens.state());
  const others = state.runs.map((r) => r.name).filter((n) => n !== 'lr_0.1');
  assertEq(state.settings.hiddenRuns, others, 'every run but the session\'s is hidden');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('hovering, clicking and brushing the parallel coordinates', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  let state = await open(page, 'hparams');
  const lr = state.hparamsView.axes.find((a) => a.key === 'h:lr');
  const bs = state.hparamsView.axes.find((a) => a.key === 'h:batch_size');
  assert(lr && bs, 'the lr and batch_size axes are drawn');
  const at = (t) => lr.bottom - t * (lr.bottom - lr.top);
  // The top of the lr axis: only lr = 0.1 (the largest) lies there.
  await page.mouse.move(lr.x + 2, at(1) + 1, { steps: 3 });
  await page.waitForFunction(() => window.eventlens.state().hparamsView.hovered === 'lr_0.1', null, { timeout: 10000 });
  // A quarter of the way to batch_size, lr_0.1's line (lr 0.1 -> batch 32, the axis
  // bottom) is at 3/4 height; no other line is near. A click there selects it.
  await page.mouse.click(lr.x + (bs.x - lr.x) * 0.25, at(0.75));
  await page.waitForFunction(() => window.eventlens.state().hparamsView.selected === 'lr_0.1', null, { timeout: 10000 });
  // Brush the upper 40% of the lr axis: lr >= ~0.06 keeps lr_0.1 only (tb_native has no lr).
  await page.mouse.move(lr.x, lr.top - 2);
  await page.mouse.down();
  await page.mouse.move(lr.x, at(0.8), { steps: 4 });
  await page.mouse.move(lr.x, at(0.6), { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => window.eventlens.state().hparamsView.rows.length === 1, null, { timeout: 10000 });
  state = await page.evaluate(() => window.eventlens.state());
  assertEq(state.hparamsView.rows, ['lr_0.1'], 'rows after brushing');
  await page.screenshot({ path: path.join(OUT, 'hparams-brushed.png') });
  // A click on the axis clears the brush.
  await page.mouse.click(lr.x, at(0.2));
  await page.waitForFunction(() => window.eventlens.state().hparamsView.rows.length === 4, null, { timeout: 10000 });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('the scatter-plot matrix from a link', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#hplot=scatter');
  const state = await open(page, 'hparams');
  assertEq(state.hparamsView.plot, 'scatter', 'plot from the link');
  assertEq(state.settings.text.includes('hplot=scatter'), true, 'kept in the settings text');
  await page.screenshot({ path: path.join(OUT, 'hparams-scatter.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('custom scalars follow the layout; a scalar card overlays tags from the link', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#overlay=loss:accuracy');
  let state = await open(page, 'custom_scalars');
  // The layout (decoded by hand in tests/aggregate/custom_layout_test.cpp): 3 charts, all with data.
  await page.waitForFunction(() => window.eventlens.state().chartsDrawn === 3, null, { timeout: 10000 });
  await page.screenshot({ path: path.join(OUT, 'custom-scalars.png') });
  assertEq(state.settings.cardOverlays, { loss: ['accuracy'] }, 'overlay from the link');
  await page.evaluate(() => window.eventlens.show('scalars'));
  await page.waitForFunction(() => window.eventlens.state().scalarCards.some((c) => c.tag === 'loss'), null,
    { timeout: 10000 });
  state = await page.evaluate(() => window.eventlens.state());
  const card = state.scalarCards.find((c) => c.tag === 'loss');
  // Runs with `loss` and runs with `accuracy` (corpus_tags.tsv): each pair is a line.
  const runsWith = (tag) => state.runs.filter((r) => r.tags.scalars && tag in r.tags.scalars).map((r) => r.name);
  const want = [...runsWith('loss').map((r) => `${r}: loss`), ...runsWith('accuracy').map((r) => `${r}: accuracy`)];
  assertEq(card.lines, want, 'the loss card\'s lines');
  assert(want.includes('train: accuracy') && want.includes('train: loss'), 'train has both');
  await page.screenshot({ path: path.join(OUT, 'scalars-overlay.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
