// Browser test of the PR curves dashboard:
//   node pr_curves.test.js BASE_URL OUT_DIR SITE_DIR
// Opens the PyTorch corpus folder and checks every PR curve card: records
// shown (state()), and the newest step's curve as the page read it back from
// the file (series()) against tests/data/pr_facts.tsv, which
// tests/tools/pr_facts.py derives with its own decoder. Hovers a curve and
// steps back with the keyboard; screenshots.
'use strict';
const fs = require('fs');
const path = require('path');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

const FACTS = fs.readFileSync(path.join(REPO, 'tests/data/pr_facts.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t')).filter((r) => r[0] === 'pytorch-small')
  .map(([, run, tag, shown, lastStep, thresholds, rows]) => ({
    run, tag, shown: +shown, lastStep: +lastStep, thresholds: +thresholds,
    rows: rows.split(';').map((r) => r.split(',').map(Number)),
  }));

test('every PR curve card shows the newest step\'s curve exactly as the independent decoder reads it', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=pr_curves');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
  await page.waitForFunction((n) => {
    const s = window.eventlens.state();
    return s.mediaCards.filter((c) => c.kind === 'pr_curves' && c.state === 'ready').length >= n;
  }, 2, { timeout: 20000 });
  const state = await page.evaluate(() => window.eventlens.state());
  assertEq(FACTS.length, 4, 'PR curve tags in the facts');
  let compared = 0;
  for (const f of FACTS) {
    assertEq(state.runs.find((r) => r.name === f.run).tags.pr_curves[f.tag], f.shown, `${f.run}/${f.tag} records shown`);
    if (!state.mediaCards.some((c) => c.tag === f.tag && c.run === f.run && c.state === 'ready')) continue;  // off-screen
    const held = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [f.run, f.tag]);
    assertEq(held.length, f.shown, `${f.run}/${f.tag} records`);
    const [step, , thresholds, ...rows] = held[held.length - 1];
    assertEq(step, f.lastStep, `${f.run}/${f.tag} newest step`);
    assertEq(thresholds, f.thresholds, `${f.run}/${f.tag} thresholds`);
    assertEq(rows, f.rows, `${f.run}/${f.tag} TP, FP, TN, FN, precision, recall`);
    assert(held.slice(0, -1).every((r) => r[2] === null || r[2] === f.thresholds), 'older curves are read only when shown');
    compared++;
  }
  assert(compared >= 2, `curves compared: ${compared}`);
  await page.mouse.move(560, 330);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, 'pr-curves-hover.png') });
  // Home on the hovered card: its first step's curve is read and shown; the
  // other cards keep their own (newest) step, steps not being linked.
  await page.keyboard.press('Home');
  await page.waitForFunction(() => window.eventlens.state().mediaCards
    .filter((c) => c.kind === 'pr_curves').some((c) => c.position === 0 && c.count > 1 && c.state === 'ready'), null,
  { timeout: 10000 });
  const cards = (await page.evaluate(() => window.eventlens.state())).mediaCards.filter((c) => c.kind === 'pr_curves');
  assert(cards.some((c) => c.position === c.count - 1 && c.count > 1), 'the other cards stay at their newest step');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
