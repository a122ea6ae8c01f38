// Browser tests of what a TensorBoard user trips over (issue: run names,
// colours, the wheel, axes, the Problems panel, state between logdirs,
// keyboard focus, glyphs):
//   node tripups.test.js BASE_URL OUT_DIR SITE_DIR
// Writes a logdir of eleven runs sharing a long path prefix (tests/browser/
// events.js), with a narrow-range series, a one-point series, values near
// the largest double, Greek and CJK tags and an empty file; drives the page
// with the mouse and keyboard and checks state() and the screenshots.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, run, assert, assertEq, openPage, decodePng } = require('./harness');
const { scalarFile } = require('./events');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const CORPUS = process.env.EVENTLENS_CORPUS;

// [SECTION] the logdir
const PREFIX = 'very_long_experiment_name_shared_by_every_run/sweep_2026_12_05_learning_rates/';
const RUNS = Array.from({ length: 11 }, (_, i) => `lr_${(0.001 * (i + 1)).toFixed(3)}_seed_${i % 3}`);

function makeLogdir() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'el-tripups-'));
  RUNS.forEach((name, r) => {
    const points = [];
    for (let s = 0; s < 20; s++) {
      points.push([s * 10, 'loss', 2 / (1 + s + r)]);
      for (let k = 0; k < 8; k++) points.push([s * 10, `metrics/m${k}`, Math.sin(s + k + r)]);
    }
    if (r === 0) {
      for (let s = 0; s <= 10; s++) points.push([s, 'edge/narrow', 1.39132 + 0.000016 * s]);
      points.push([5, 'edge/single', 2.0]);
      for (let s = 0; s < 3; s++) points.push([s, 'edge/huge', 1.7e308]);
      points.push([1, 'greek/α/β', 0.5], [2, 'greek/α/β', 0.25]);
      points.push([1, 'cjk/日本語/損失', 0.5], [2, 'cjk/日本語/損失', 0.4]);
    }
    const dir = path.join(root, PREFIX, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `events.out.tfevents.${1700000000 + r}.host`), scalarFile(points));
  });
  const empty = path.join(root, PREFIX, 'crashed_before_writing');
  fs.mkdirSync(empty, { recursive: true });
  fs.writeFileSync(path.join(empty, 'events.out.tfevents.1700000099.host'), Buffer.alloc(0));
  return root;
}
const LOGDIR = makeLogdir();

async function loaded(page) {
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
  await page.waitForTimeout(300);
  return page.evaluate(() => window.eventlens.state());
}
const state = (page) => page.evaluate(() => window.eventlens.state());
const cardOf = (s, tag) => s.scalarCards.find((c) => c.tag === tag);

// [SECTION] names and colours
test('eleven runs sharing a long prefix: distinct names and colours, kept across a reload', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', LOGDIR);
  let s = await loaded(page);
  const runs = s.runs.filter((r) => !r.empty);
  assertEq(runs.length, 11, 'runs with data');
  // Every label is the run's own end: the shared folders are dropped.
  for (const r of runs) assertEq(r.label, r.name.slice(r.name.indexOf('lr_')), `label of ${r.name}`);
  assertEq(new Set(runs.map((r) => r.label)).size, 11, 'distinct labels');
  const colours = runs.map((r) => r.color);
  assertEq(new Set(colours).size, 11, `distinct colours ${colours}`);
  await page.screenshot({ path: path.join(OUT, 'tripups-runs.png') });
  // Reload: the page forgets the files, not the colours.
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5);
  // Opened again with one more run listed first: the eleven keep theirs.
  const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'el-tripups-more-'));
  fs.cpSync(LOGDIR, extra, { recursive: true });
  const first = path.join(extra, PREFIX, 'a_new_run_listed_first');
  fs.mkdirSync(first);
  fs.writeFileSync(path.join(first, 'events.out.tfevents.1.host'), scalarFile([[0, 'loss', 1]]));
  await page.setInputFiles('#open-folder', extra);
  s = await loaded(page);
  for (const r of runs) assertEq(s.runs.find((x) => x.name === r.name).color, r.color, `colour of ${r.label} after reload`);
  const added = s.runs.find((r) => r.name.endsWith('a_new_run_listed_first'));
  assert(!colours.includes(added.color), `the new run's colour ${added.color} is not one of the eleven`);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('the sidebar is resized by dragging its edge, and keeps its width across a reload', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', LOGDIR);
  await loaded(page);
  // The handle is between the sidebar (290 px from x = 8) and the dashboards.
  await page.mouse.move(302, 400);
  await page.mouse.down();
  await page.mouse.move(352, 400, { steps: 5 });
  await page.mouse.move(402, 400, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  let s = await state(page);
  assert(/(^|&)sidebar=39\d/.test(s.settings.local), `remembered width: ${s.settings.local}`);
  assert(!/sidebar/.test(s.settings.text), 'the width is not part of the link');
  await page.screenshot({ path: path.join(OUT, 'tripups-wide-sidebar.png') });
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5);
  s = await state(page);
  assert(/(^|&)sidebar=39\d/.test(s.settings.local), `width after reload: ${s.settings.local}`);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

// [SECTION] the wheel
test('the wheel over a chart scrolls the grid; Ctrl+wheel zooms, and the badge resets it', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', LOGDIR);
  let s = await loaded(page);
  const before = cardOf(s, 'loss');
  assert(before, 'loss card drawn');
  const [x, y, w, h] = before.rect;
  const mid = [x + w / 2, y + h / 2];
  await page.mouse.move(mid[0], mid[1]);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(400);
  s = await state(page);
  const after = cardOf(s, 'loss');
  assert(!after || after.rect[1] < y - 50, `the grid scrolled: the card moved from y ${y} to ${after && after.rect[1]}`);
  assert(!after || !after.zoomed, 'the chart did not zoom');
  // Back to the top, then zoom with Ctrl held.
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(400);
  s = await state(page);
  const top = cardOf(s, 'loss');
  assertEq(top.rect[1], y, 'scrolled back');
  await page.keyboard.down('Control');
  await page.waitForTimeout(100);
  await page.mouse.wheel(0, -120);
  await page.waitForTimeout(100);
  await page.keyboard.up('Control');
  await page.waitForTimeout(300);
  s = await state(page);
  const zoomed = cardOf(s, 'loss');
  assert(zoomed.zoomed, 'Ctrl+wheel zoomed the chart');
  assertEq(zoomed.rect[1], y, 'the page did not scroll while zooming');
  assert(zoomed.view[1] - zoomed.view[0] < top.view[1] - top.view[0], 'a narrower x range');
  await page.screenshot({ path: path.join(OUT, 'tripups-zoomed.png') });
  // The badge at the plot's top right ("zoomed · reset") fits it again.
  await page.mouse.click(x + w - 10 - 20, y + 6 + 10);
  await page.waitForTimeout(300);
  s = await state(page);
  assert(!cardOf(s, 'loss').zoomed, 'the badge reset the zoom');
  // A click into the chart, then the plain wheel zooms (until the mouse leaves).
  await page.mouse.click(mid[0], mid[1]);
  await page.mouse.wheel(0, -120);
  await page.waitForTimeout(300);
  s = await state(page);
  assert(cardOf(s, 'loss').zoomed, 'after a click into the chart the wheel zooms');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

// [SECTION] axes
test('axes at the edges: a narrow log range has labels, one point is centred and visible, 1.7e308 has ticks', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#tags=%5Eedge&y=log');
  await page.setInputFiles('#open-folder', LOGDIR);
  let s = await loaded(page);
  const narrow = cardOf(s, 'edge/narrow');
  assert(narrow && narrow.yLabels.length >= 2, `narrow log range labels: ${narrow && narrow.yLabels}`);
  const huge = cardOf(s, 'edge/huge');
  assert(huge && huge.yLabels.length >= 2, `labels near the largest double: ${huge && huge.yLabels}`);
  assert(huge.yLabels.every((l) => !/inf|nan/i.test(l)), `finite labels: ${huge.yLabels}`);
  // Linear axis for the single point: the point at the middle of x and y.
  await page.evaluate(() => window.eventlens.settings('y=linear'));
  await page.waitForTimeout(400);
  s = await state(page);
  const single = cardOf(s, 'edge/single');
  const [x0, x1, y0, y1] = single.view;
  const near = (a, b) => Math.abs(a - b) < 1e-9;
  assert(near((5 - x0) / (x1 - x0), 0.5), `step 5 in the middle of the x range ${x0}..${x1}`);
  assert(near((2 - y0) / (y1 - y0), 0.5), `value 2 in the middle of the y range ${y0}..${y1}`);
  const shot = decodePng(await page.screenshot({ path: path.join(OUT, 'tripups-axes.png') }));
  // The plot area: 54 px left margin (labels this short fit it), 10 right, 6 top, 22 bottom (ui/plot_frame.h).
  const [rx, ry, rw, rh] = single.rect;
  const px = Math.round(rx + 54 + (rw - 64) / 2), py = Math.round(ry + 6 + (rh - 28) / 2);
  const run0 = s.runs.find((r) => r.label.startsWith('lr_0.001'));
  const want = [1, 3, 5].map((i) => parseInt(run0.color.slice(i, i + 2), 16));
  const at = (shot.width * py + px) * shot.channels;
  const got = [shot.pixels[at], shot.pixels[at + 1], shot.pixels[at + 2]];
  assert(got.every((v, i) => Math.abs(v - want[i]) <= 40), `the point's pixel ${got} is the run's colour ${want}`);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

// [SECTION] problems
test('an empty file is a quiet problem: named in Problems, the panel stays closed, its run not listed', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', LOGDIR);
  const s = await loaded(page);
  const p = s.problems.find((x) => x.file.includes('crashed_before_writing'));
  assert(p, `the empty file is a problem: ${JSON.stringify(s.problems)}`);
  assertEq(p.kind, 'empty_file', 'kind');
  assert(/empty/.test(p.message), `message: ${p.message}`);
  assertEq(s.problemsPanel, false, 'the panel did not open by itself');
  const empty = s.runs.find((r) => r.name.endsWith('crashed_before_writing'));
  assert(empty && empty.empty, 'the run has no data');
  assert(!s.runs.filter((r) => !r.empty).some((r) => r.label.includes('crashed')), 'not among the listed runs');
  await page.screenshot({ path: path.join(OUT, 'tripups-quiet-problems.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('files opened on their own are each a run named after the file, never "."', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  const files = RUNS.slice(0, 2).map((r) => {
    const dir = path.join(LOGDIR, PREFIX, r);
    return path.join(dir, fs.readdirSync(dir)[0]);
  });
  await page.setInputFiles('#open-files', files);
  const s = await loaded(page);
  assertEq(s.runs.map((r) => r.name).sort(), files.map((f) => path.basename(f)).sort(), 'runs named after their files');
  assertEq(new Set(s.runs.map((r) => r.color)).size, 2, 'distinct colours');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

// [SECTION] glyphs
test('tags in Greek and CJK draw with their glyphs; the CJK font is fetched only when needed', async (browser) => {
  // A run without CJK names: the CJK font is not fetched.
  let { page, context, problems } = await openPage(browser, BASE + '/');
  let fetched = false;
  page.on('request', (r) => { if (r.url().endsWith('eventlens-cjk.ttf')) fetched = true; });
  await page.setInputFiles('#open-folder', path.join(LOGDIR, PREFIX, RUNS[1]));
  let s = await loaded(page);
  assertEq(s.cjkFont.state, 'none', 'no CJK font asked for');
  assert(!fetched, 'the CJK font was not fetched');
  await context.close();
  // The logdir with a CJK tag: the font arrives and its characters join the atlas.
  ({ page, context, problems } = await openPage(browser, BASE + '/#tags=greek%7Ccjk'));
  await page.setInputFiles('#open-folder', LOGDIR);
  await loaded(page);
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.cjkFont.state === 'loaded' && s.cjkFont.chars > 0; },
    null, { timeout: 20000 });
  await page.waitForTimeout(700);
  s = await state(page);
  for (const c of 'αβ日本語損失') assert(!s.missingGlyphs.includes(c.codePointAt(0)), `${c} has a glyph (missing: ${s.missingGlyphs})`);
  assertEq(s.cjkFont.chars, 5, 'the atlas holds the five CJK characters in use, no more');
  await page.screenshot({ path: path.join(OUT, 'tripups-glyphs.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

// [SECTION] keyboard and state between logdirs
test('a hovered image card takes the arrow keys from a text field', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=images');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  await page.waitForFunction(() => window.eventlens.state().mediaCards.some((c) => c.state === 'ready'), null, { timeout: 30000 });
  // Type into the tag filter (the text field above the cards), as a user would.
  const s0 = await state(page);
  const c0 = s0.mediaCards[0];
  await page.mouse.click(700, 87);
  await page.keyboard.type('i');
  await page.waitForTimeout(200);
  assertEq((await state(page)).settings.tagFilter, 'i', 'typed into the tag filter');
  // Hover the first card and press Home: the card goes to its first step.
  await page.mouse.move(470, 260);
  await page.waitForTimeout(100);
  await page.keyboard.press('Home');
  await page.waitForFunction((t) => { const c = window.eventlens.state().mediaCards.find((x) => x.tag === t && x.sample === 0);
    return c && c.position === 0; }, c0.tag, { timeout: 10000 });
  assertEq((await state(page)).settings.tagFilter, 'i', 'the filter text is unchanged');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('Close all, or another logdir opened on top, starts afresh: images at the newest step', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=images&step=1000');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  await page.waitForFunction(() => window.eventlens.state().mediaCards.length > 0, null, { timeout: 30000 });
  let s = await state(page);
  assertEq(s.settings.step, 1000, 'the link chose step 1000');
  // File > Close all, with the mouse.
  await page.mouse.click(20, 10);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'tripups-file-menu.png') });
  const close = (await page.evaluate(() => window.eventlens.state().lastMenu)).find((r) => r.label === 'Close all');
  assert(close, 'Close all is in the File menu');
  await page.mouse.click(close.x + 30, close.y + 8);
  await page.waitForFunction(() => window.eventlens.state().runs.length === 0, null, { timeout: 5000 });
  s = await state(page);
  assertEq(s.settings.step, -1, 'the step is the newest again');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  await page.waitForFunction(() => { const c = window.eventlens.state().mediaCards; return c.length > 0 && c.every((x) => x.state !== 'loading'); },
    null, { timeout: 30000 });
  s = await state(page);
  for (const c of s.mediaCards) assertEq(c.position, c.count - 1, `${c.tag} at its newest step`);
  // A step chosen with the keyboard, then another logdir opened on top: its view starts afresh too.
  await page.mouse.move(470, 260);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => window.eventlens.state().settings.step >= 0, null, { timeout: 10000 });
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'realworld/tensorboardx'));
  await page.waitForFunction(() => window.eventlens.state().settings.step === -1, null, { timeout: 10000 });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

// [SECTION] help
test('Help > Keyboard and mouse lists the gestures; Escape closes it', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', LOGDIR);
  await loaded(page);
  await page.mouse.click(111, 13);
  await page.waitForTimeout(300);
  await page.mouse.click(160, 37);
  await page.waitForFunction(() => window.eventlens.state().keyboardHelp === true, null, { timeout: 5000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'tripups-keyboard-help.png') });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => window.eventlens.state().keyboardHelp === false, null, { timeout: 5000 });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
