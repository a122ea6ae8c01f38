// Browser test of the Profile dashboard:
//   node profile.test.js BASE_URL OUT_DIR SITE_DIR
// Opens corpus folders holding profiles (a kineto trace, TensorFlow's Chrome
// trace sample, a tf.keras xplane), shows each as a timeline, checks what was
// drawn against tests/tools/profile_facts.py (slices in view, per-pixel merging
// at the full span), hovers a slice, zooms; screenshots to look at.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, run, assert, assertEq, openPage, nextFrame } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

const facts = (dir) => JSON.parse(execFileSync('python3', [path.join(REPO, 'tests/tools/profile_facts.py'), dir],
  { encoding: 'utf8' })).profiles;

async function openProfile(browser, dir) {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', dir);
  // The Profile tab is offered once the files are announced; then the profile is read and indexed.
  await page.waitForFunction(() => {
    window.eventlens.show('profile');
    const s = window.eventlens.state();
    return s.dashboard === 'profile' && (s.profile || {}).state === 'ready';
  }, null, { timeout: 30000, polling: 250 });
  await nextFrame(page);
  return { page, context, problems, state: (await page.evaluate(() => window.eventlens.state())).profile };
}

test('the ResNet-50 kineto trace as a timeline: every slice in view, merged per pixel, a hovered op', async (browser) => {
  const dir = path.join(CORPUS, 'profiler/pytorch-kineto-2021');
  const want = facts(dir)[0];
  const { page, context, problems, state } = await openProfile(browser, dir);
  assertEq(state.path, want.file, 'the trace is the one profile_facts.py finds');
  // At the full span every slice is in exactly one box, most merged (44,666 slices on a 1,000-pixel plot).
  assertEq(state.slicesInView, want.slices, 'every slice is drawn once');
  assertEq(state.slicesInSpan, want.slices, 'and counted once');
  assert(state.mergedBoxes > 0 && state.boxes < want.slices / 4, `merged per pixel: ${state.boxes} boxes`);
  assert(state.rows >= 4, `rows: ${state.rows}`);
  await page.screenshot({ path: path.join(OUT, 'profile-kineto.png') });
  // Zoom in on the middle with the wheel: fewer slices, the view narrows.
  const [x, y, w] = state.rect;
  await page.mouse.move(x + w / 2, y + 60);
  for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, -120); await nextFrame(page); }
  const zoomed = (await page.evaluate(() => window.eventlens.state())).profile;
  assert(zoomed.view[1] - zoomed.view[0] < (state.view[1] - state.view[0]) / 10, 'the wheel zoomed in');
  assert(zoomed.slicesInView < want.slices, `fewer slices in view: ${zoomed.slicesInView}`);
  // Hover a slice on the first rows: the tooltip names it.
  let hovered = '';
  for (let k = 0; k < 40 && !hovered; k++) {
    await page.mouse.move(x + w * (0.1 + 0.02 * k), y + 30);
    await nextFrame(page);
    hovered = (await page.evaluate(() => window.eventlens.state())).profile.hovered;
  }
  assert(hovered !== '', 'a slice is under the cursor');
  await page.screenshot({ path: path.join(OUT, 'profile-kineto-zoomed.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('the tf.keras xplane and the Chrome trace sample draw their slices', async (browser) => {
  for (const sub of ['keras-embedding-and-profile', 'profiler/chrome-trace-json']) {
    const dir = path.join(CORPUS, sub);
    const want = facts(dir)[0];
    const { page, context, problems, state } = await openProfile(browser, dir);
    assertEq(state.path, want.file, `${sub}: the profile`);
    assertEq(state.slicesInSpan, want.slices, `${sub}: every slice in the view's span`);
    assert(state.slicesInView > 0, `${sub}: slices drawn: ${state.slicesInView}`);
    await page.screenshot({ path: path.join(OUT, `profile-${path.basename(sub)}.png`) });
    assertEq(problems, [], 'console errors/warnings');
    await context.close();
  }
});

run();
