// Browser test of the Profile dashboard:
//   node profile.test.js BASE_URL OUT_DIR SITE_DIR
// Opens corpus folders holding profiles (a kineto trace, TensorFlow's Chrome
// trace sample, a tf.keras xplane), shows each as a timeline, checks what was
// drawn against tests/tools/profile_facts.py (slices in view, per-pixel merging
// at the full span), hovers a slice, zooms. Then on the kineto trace: a regex
// search steps through its matches, a clicked slice shows its flows, a range
// dragged on the ruler totals the time per name as the script does, the
// operator table's top rows are the script's and a click on one finds it on
// the timeline, the overview's steps and GPU busy time and the memory peaks
// are the script's. Screenshots of every view to look at.
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

const facts = (dir, ...extra) => JSON.parse(execFileSync('python3',
  [path.join(REPO, 'tests/tools/profile_facts.py'), dir, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 })).profiles;
// An operator row with its keys in one order (the script sorts them; the page writes them as it goes).
const opRow = (o) => ({ name: o.name, category: o.category, kind: o.kind, count: o.count, total_ps: o.total_ps,
  self_ps: o.self_ps, min_ps: o.min_ps, max_ps: o.max_ps });
const profileState = async (page) => (await page.evaluate(() => window.eventlens.state())).profile;
// The profile state once `ready(p)` holds, frame by frame (up to ~10 s: a click takes a few frames
// to be seen on a busy machine); the caller's assertions then say what is wrong if it never did.
async function until(page, ready) {
  let p = await profileState(page);
  for (let i = 0; i < 200 && !ready(p); i++) {
    await nextFrame(page);
    p = await profileState(page);
  }
  return p;
}
async function settings(page, text) {
  await page.evaluate((t) => window.eventlens.settings(t), text);
  await nextFrame(page);
  await nextFrame(page);
  return profileState(page);
}

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
  // Hover a slice on the first rows (below the process name and the instants' ticks): the tooltip names it.
  let hovered = '';
  for (let k = 0; k < 40 && !hovered; k++) {
    await page.mouse.move(x + w * (0.1 + 0.02 * k), y + 42);
    await nextFrame(page);
    hovered = (await page.evaluate(() => window.eventlens.state())).profile.hovered;
  }
  assert(hovered !== '', 'a slice is under the cursor');
  await page.screenshot({ path: path.join(OUT, 'profile-kineto-zoomed.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('kineto trace: search, flows, a range\'s totals, the operator table, overview and memory equal the script', async (browser) => {
  const dir = path.join(CORPUS, 'profiler/pytorch-kineto-2021');
  const want = facts(dir)[0];
  const { page, context, problems, state } = await openProfile(browser, dir);
  assert(state.ticks > 0, `instants drawn as ticks: ${state.ticks}`);

  // Search: every slice whose name matches, stepped through from the first.
  await page.mouse.click(state.searchBox[0], state.searchBox[1]);
  await page.keyboard.type('cudaLaunchKernel');
  await page.keyboard.press('Enter');
  let p = await until(page, (q) => q.search.current >= 0 && q.flows > 0);
  const launches = want.ops.find((o) => o.name === 'cudaLaunchKernel');
  assertEq(p.search.matches, launches.count, 'the search finds every cudaLaunchKernel');
  assertEq(p.search.current, 0, 'Enter shows the first match');
  assertEq(p.selected.name, 'cudaLaunchKernel', 'and selects it');
  const at = state.view[0] + p.selected.start_ps;  // the full view starts at the first slice
  assert(at >= p.view[0] && at <= p.view[1], `the match is in view: ${at} in [${p.view}]`);
  assert(p.selected.flows >= 1 && p.flows >= 1, `its flow to its kernel is drawn: ${p.selected.flows} / ${p.flows}`);
  assert(p.view[1] - p.view[0] < state.view[1] - state.view[0], 'the view stays zoomed around the match');
  await page.mouse.click(p.nextButton[0], p.nextButton[1]);
  p = await until(page, (q) => q.search.current === 1);
  assertEq(p.search.current, 1, 'Next shows the second match');
  await page.screenshot({ path: path.join(OUT, 'profile-search-flow.png') });

  // A range dragged on the ruler over the middle of the full view: its totals are the script's.
  p = await settings(page, 'prsearch=');
  await page.keyboard.press('Escape');
  await page.mouse.dblclick(state.rect[0] + state.rect[2] / 2, state.rect[1] + state.rect[3] - 10);
  p = await until(page, (q) => q.view[0] === state.view[0] && q.view[1] === state.view[1]);
  const [rx, ry, rw, rh] = p.ruler;
  await page.mouse.move(rx + rw * 0.3, ry + rh / 2);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++) { await page.mouse.move(rx + rw * (0.3 + 0.025 * k), ry + rh / 2); await nextFrame(page); }
  await page.mouse.up();
  p = await until(page, (q) => q.range.end_ps > q.range.begin_ps && q.range.top);
  assert(p.range.end_ps > p.range.begin_ps, `a range: ${JSON.stringify(p.range).slice(0, 80)}`);
  const inRange = facts(dir, '--range', String(p.range.begin_ps), String(p.range.end_ps))[0].range_top;
  assertEq(p.range.top.map((t) => [t.name, t.count, t.total_ps]), inRange.map((t) => [t.name, t.count, t.total_ps]), `the time per name inside [${p.range.begin_ps}, ${p.range.end_ps}) ps`);
  await page.screenshot({ path: path.join(OUT, 'profile-range.png') });

  // The operator table: its 20 longest rows are the script's, self time included.
  p = await settings(page, 'prview=ops');
  assertEq(p.tab, 'ops', 'the Operators view');
  assertEq(p.ops.top.map(opRow), want.ops.map(opRow), 'the top 20 rows (count, total, self, min, max in ps)');
  await page.screenshot({ path: path.join(OUT, 'profile-operators.png') });
  // A click on a row finds its slices on the timeline.
  const first = p.ops.top[0];
  await page.mouse.click(p.ops.firstRow[0], p.ops.firstRow[1]);
  p = await until(page, (q) => q.tab === 'timeline' && q.selected && q.selected.name);
  assertEq(p.tab, 'timeline', 'a row click goes to the timeline');
  assertEq(p.search.matches, first.count, `finding every ${first.name}`);
  assertEq(p.selected.name, first.name, 'and showing the first');

  // The overview: steps and GPU busy time as the script splits them; the memory peaks.
  p = await settings(page, 'prview=overview');
  assertEq(p.tab, 'overview', 'the Overview view');
  assertEq(p.steps, want.steps.length, 'one bar per ProfilerStep');
  assertEq(p.gpuBusy, want.gpu_busy, 'GPU busy time (the union of its kernels)');
  assert(p.devices >= 1, 'device properties');
  await page.screenshot({ path: path.join(OUT, 'profile-overview.png') });
  p = await settings(page, 'prview=memory');
  assertEq(p.tab, 'memory', 'the Memory view');
  assertEq(p.memory, want.memory.map((m) => ({ device: m.device, peak_bytes: m.peak_bytes })), 'memory peaks per device');
  await page.screenshot({ path: path.join(OUT, 'profile-memory.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('a folder of five profiles: switching between them loads each, with the script\'s numbers', async (browser) => {
  const dir = path.join(CORPUS, 'profiler');
  const want = facts(dir);
  assert(want.length >= 4, `profiles in the folder: ${want.length}`);
  const { page, context, problems } = await openProfile(browser, dir);
  for (const w of [...want].reverse()) {  // the first one shown is want[0]; go the other way round
    await page.evaluate((f) => window.eventlens.settings('prfile=' + encodeURIComponent(f) + '&prview=ops'), w.file);
    await page.waitForFunction((f) => { const p = window.eventlens.state().profile || {};
      return p.path === f && p.state === 'ready' && p.ops; }, w.file, { timeout: 30000, polling: 100 });
    await nextFrame(page);
    const p = await profileState(page);
    assertEq(p.slices, w.slices, `${w.file}: slices`);
    assertEq(p.ops.top.map(opRow), w.ops.map(opRow), `${w.file}: the operator table's top rows`);
  }
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
    const ops = await settings(page, 'prview=ops');
    assertEq(ops.ops.top.map(opRow), want.ops.map(opRow), `${sub}: the operator table's top rows`);
    await settings(page, 'prview=timeline');
    await page.screenshot({ path: path.join(OUT, `profile-${path.basename(sub)}.png`) });
    assertEq(problems, [], 'console errors/warnings');
    await context.close();
  }
});

run();
