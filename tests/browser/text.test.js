// Browser tests of the text dashboard:
//   node text.test.js BASE_URL OUT_DIR SITE_DIR
// Opens the PyTorch corpus folder (Markdown written by add_text, and a
// TensorBoard-native Markdown and table summary) and checks what the text
// cards hold against tests/data/corpus_tags.tsv (tests/tools/event_facts.py's
// own protobuf decoding): records shown, newest step, and the newest text's
// size in bytes. Looks at rendered Markdown, tables and raw mode.
'use strict';
const fs = require('fs');
const path = require('path');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

const FACTS = fs.readFileSync(path.join(REPO, 'tests/data/corpus_tags.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t'))
  .filter((r) => r[0] === 'pytorch-small' && r[3] === 'text')
  .map(([, run, tag, , records, shown, , lastStep, , last]) => ({ run, tag, shown: +shown, lastStep: +lastStep, last: +last }));

async function open(page) {
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
  await page.evaluate(() => window.eventlens.show('text'));
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.dashboard === 'text' && s.chartsDrawn >= 2; },
    null, { timeout: 20000 });
  return page.evaluate(() => window.eventlens.state());
}

test('text cards hold every step; the newest text equals the independent decoder\'s', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const state = await open(page);
  assertEq(FACTS.length, 4, 'text tags in the facts');
  for (const f of FACTS) {
    assertEq(state.runs.find((r) => r.name === f.run).tags.text[f.tag], f.shown, `${f.run}/${f.tag} records shown`);
    const held = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [f.run, f.tag]);
    assertEq(held.length, f.shown, `${f.run}/${f.tag} records held`);
    const [step, , shape, strings] = held[held.length - 1];
    assertEq(step, f.lastStep, `${f.run}/${f.tag} newest step`);
    assertEq(Buffer.byteLength(strings.join('\n')), f.last, `${f.run}/${f.tag} newest text bytes`);
    assertEq(strings.length, shape.reduce((a, b) => a * b, 1), `${f.run}/${f.tag} one string per element`);
  }
  const cards = state.mediaCards.filter((c) => c.kind === 'text');
  assert(cards.length >= 2, `text cards drawn: ${cards.length}`);
  for (const c of cards) assertEq(c.position, c.count - 1, `${c.tag} shows its newest step`);
  await page.screenshot({ path: path.join(OUT, 'text-pytorch-small.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('raw text from a link, and the step slider', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=text&raw=1&tags=native&linksteps=1');
  let state = await open(page);
  assert(state.settings.textRaw, 'raw mode from the link');
  await page.screenshot({ path: path.join(OUT, 'text-raw.png') });
  // Step back on the first card with the keyboard: every text card follows the linked step.
  await page.mouse.move(500, 300);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => window.eventlens.state().mediaCards.every((c) => c.position === 0), null,
    { timeout: 10000 });
  state = await page.evaluate(() => window.eventlens.state());
  assertEq(state.settings.step, 0, 'the first step is linked');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
