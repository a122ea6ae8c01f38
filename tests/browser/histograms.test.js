// Browser tests of the histograms and distributions dashboards:
//   node histograms.test.js BASE_URL OUT_DIR SITE_DIR
// Opens corpus folders with histograms (PyTorch tensors, TF1 legacy protos)
// and checks what the cards hold (re-binned counts, nine percentiles) against
// tests/data/rebin_facts.tsv, which tests/tools/rebin_facts.py derives on its
// own from the same files. Saves screenshots of both dashboards.
'use strict';
const fs = require('fs');
const path = require('path');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

// rows of rebin_facts.tsv: {root, run, tag, shown, lastStep, counts, percentiles}
const FACTS = fs.readFileSync(path.join(REPO, 'tests/data/rebin_facts.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t'))
  .map(([root, run, tag, shown, , , lastStep, counts, percentiles]) => ({
    root, run, tag, shown: +shown, lastStep: +lastStep,
    counts: counts.split(',').map(Number), percentiles: percentiles.split(',').map(Number),
  }));

async function loaded(page) {
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
}

async function drawn(page, dashboard) {
  await page.evaluate((d) => window.eventlens.show(d), dashboard);
  await page.waitForFunction((d) => { const s = window.eventlens.state(); return s.dashboard === d && s.chartsDrawn > 0; },
    dashboard, { timeout: 20000 });
  return page.evaluate(() => window.eventlens.state());
}

// Every fact row of `root` (runs renamed by `runName`): the record count in
// state() and the last record's re-binned counts and percentiles in series().
async function expectFacts(page, state, root, runName) {
  let checked = 0;
  for (const f of FACTS.filter((x) => x.root === root)) {
    const name = runName(f.run);
    if (name === null) continue;
    const r = state.runs.find((x) => x.name === name);
    assert(r, `run ${name} in state()`);
    assertEq(r.tags.histograms[f.tag], f.shown, `${name}/${f.tag} records shown`);
    const held = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [name, f.tag]);
    assertEq(held.length, f.shown, `${name}/${f.tag} records held`);
    const [step, , bps, counts] = held[held.length - 1];
    assertEq(step, f.lastStep, `${name}/${f.tag} last step`);
    assertEq(bps, f.percentiles, `${name}/${f.tag} percentiles`);
    assertEq(counts, f.counts, `${name}/${f.tag} 30 re-binned counts`);
    checked++;
  }
  return checked;
}

test('PyTorch histograms: both dashboards hold the independent script\'s numbers', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  let state = await drawn(page, 'histograms');
  assertEq(state.settings.histogramBins, 30, 'default bins');
  assertEq(state.settings.histogramMode, 'offset', 'default mode');
  const checked = await expectFacts(page, state, 'pytorch-small', (r) => r);
  assertEq(checked, 5, 'pytorch-small histogram tags compared');
  await page.screenshot({ path: path.join(OUT, 'histograms-pytorch-small.png') });
  // Hover the first card's plot: the nearest step is highlighted with a tooltip.
  await page.mouse.move(560, 330);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, 'histograms-hover.png') });
  state = await drawn(page, 'distributions');
  assert(state.chartsDrawn >= 2, `distribution cards drawn: ${state.chartsDrawn}`);
  await page.mouse.move(560, 300);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, 'distributions-pytorch-small.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('TF1 legacy histograms, distributions from a link, overlay mode and 45 bins', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=distributions&bins=45&hist=overlay');
  const root = 'realworld/tf1-filewriter';
  const sub = 'shekkizh__TensorflowProjects/logs/MNIST_logs';
  await page.setInputFiles('#open-folder', path.join(CORPUS, root, sub));
  await loaded(page);
  let state = await page.evaluate(() => window.eventlens.state());
  assertEq(state.dashboard, 'distributions', 'the link\'s dashboard');
  assertEq(state.settings.histogramBins, 45, 'bins from the link');
  await page.waitForFunction(() => window.eventlens.state().chartsDrawn >= 4, null, { timeout: 20000 });
  await page.screenshot({ path: path.join(OUT, 'distributions-tf1-legacy.png') });
  // Percentiles do not depend on bins; the counts do: 45 of them, summing to
  // the same total as the facts' 30.
  const under = (r) => (r.startsWith(sub + '/') ? r.slice(sub.length + 1) : null);
  for (const f of FACTS.filter((x) => x.root === root && under(x.run) !== null)) {
    const held = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [under(f.run), f.tag]);
    const [step, , bps, counts] = held[held.length - 1];
    assertEq(step, f.lastStep, `${f.tag} last step`);
    assertEq(bps, f.percentiles, `${f.tag} percentiles`);
    assertEq(counts.length, 45, `${f.tag} bins`);
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    assert(Math.abs(sum(counts) - sum(f.counts)) <= 1e-9 * Math.max(1, sum(f.counts)), `${f.tag} total count kept`);
  }
  state = await drawn(page, 'histograms');
  assertEq(state.settings.histogramMode, 'overlay', 'mode from the link');
  await page.screenshot({ path: path.join(OUT, 'histograms-tf1-overlay.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
