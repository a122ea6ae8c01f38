// Browser tests of the images and audio dashboards:
//   node media.test.js BASE_URL OUT_DIR SITE_DIR
// Opens corpus folders with images and audio and checks what the cards show
// (size of the newest image, clip length) against tests/data/image_facts.tsv
// and audio_facts.tsv, which tests/tools/image_facts.py and audio_facts.py
// derive with their own decoders. Moves the step slider with the keyboard,
// zooms into an image, plays a clip, and checks that a file changed on disk
// after it was read gives a broken-image tile with the reason. Screenshots of
// both dashboards are saved.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

const tsv = (name) => {
  const [head, ...rows] = fs.readFileSync(path.join(REPO, 'tests/data', name), 'utf8').trim().split('\n');
  const keys = head.split('\t');
  return rows.map((r) => Object.fromEntries(r.split('\t').map((v, i) => [keys[i], v])));
};
const IMAGE_FACTS = tsv('image_facts.tsv');
const AUDIO_FACTS = tsv('audio_facts.tsv');

async function loaded(page) {
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
}

// Shows `dashboard` and waits until `count` of its cards are no longer loading.
async function settled(page, dashboard, count) {
  await page.evaluate((d) => window.eventlens.show(d), dashboard);
  await page.waitForFunction(([d, n]) => {
    const s = window.eventlens.state();
    return s.dashboard === d && s.mediaCards.length >= n && s.mediaCards.every((c) => c.state !== 'loading');
  }, [dashboard, count], { timeout: 30000 });
  return page.evaluate(() => window.eventlens.state());
}

const card = (state, tag, sample = 0) => state.mediaCards.find((c) => c.tag === tag && c.sample === sample);

test('images: newest step of every visible card matches the independent decoder; slider and zoom', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  let state = await settled(page, 'images', 3);
  const facts = IMAGE_FACTS.filter((f) => f.root === 'pytorch-small');
  let compared = 0;
  for (const c of state.mediaCards) {
    const f = facts.find((x) => x.tag === c.tag && c.run === x.run);
    assert(f, `facts for ${c.run}/${c.tag}`);
    assertEq(c.state, 'ready', `${c.tag} decoded`);
    assertEq([c.width, c.height], [+f.width, +f.height], `${c.tag} size`);
    assertEq(c.step, +f.step, `${c.tag} shows the newest step`);
    assertEq(c.count, state.runs.find((r) => r.name === c.run).tags.images[c.tag], `${c.tag} slider covers every step`);
    compared++;
  }
  assert(compared >= 3, `cards compared: ${compared}`);
  assert(state.media.bytes > 0 && state.media.bytes <= state.media.budget, `cache bytes ${state.media.bytes}`);
  await page.screenshot({ path: path.join(OUT, 'images-pytorch-small.png') });

  // The slider: hover the first card, step back with the arrow keys, then Home.
  const first = state.mediaCards[0];
  assert(first.count >= 3, `${first.tag} has several steps (${first.count})`);
  await page.mouse.move(470, 260);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((t) => { const c = window.eventlens.state().mediaCards.find((x) => x.tag === t && x.sample === 0);
    return c && c.position === c.count - 2 && c.state === 'ready'; }, first.tag, { timeout: 10000 });
  await page.keyboard.press('Home');
  await page.waitForFunction((t) => { const c = window.eventlens.state().mediaCards.find((x) => x.tag === t && x.sample === 0);
    return c && c.position === 0 && c.state === 'ready'; }, first.tag, { timeout: 10000 });
  state = await page.evaluate(() => window.eventlens.state());
  assert(card(state, first.tag).step < first.step, `Home shows an earlier step (${card(state, first.tag).step})`);
  // Steps are per card (TensorBoard's default): the other cards stay at their newest step.
  assertEq(state.settings.linkSteps, false, 'steps are not linked by default');
  assertEq(state.settings.step, -1, 'no shared step');
  const others = state.mediaCards.filter((c) => !(c.tag === first.tag && c.sample === 0 && c.run === first.run));
  assert(others.length >= 2, `other cards (${others.length})`);
  for (const c of others) assertEq(c.position, c.count - 1, `${c.tag} #${c.sample} keeps its own (newest) step`);
  // Zoom in with Ctrl+wheel (nearest-neighbour pixels) and hover a pixel.
  await page.keyboard.down('Control');
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(60); }
  await page.keyboard.up('Control');
  await page.mouse.move(480, 270);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(OUT, 'images-zoomed-hover.png') });
  await page.keyboard.press('End');
  await page.waitForFunction((t) => { const c = window.eventlens.state().mediaCards.find((x) => x.tag === t && x.sample === 0);
    return c && c.position === c.count - 1; }, first.tag, { timeout: 10000 });
  // Linked steps: Home on the first card now takes every card to its first step, kept in the settings.
  await page.evaluate(() => window.eventlens.settings('linksteps=1'));
  await page.waitForFunction(() => window.eventlens.state().settings.linkSteps, null, { timeout: 10000 });
  await page.mouse.move(470, 260);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => window.eventlens.state().mediaCards.every((c) => c.position === 0), null,
    { timeout: 10000 });
  state = await page.evaluate(() => window.eventlens.state());
  assert(state.settings.step >= 0, `a shared step (${state.settings.step})`);
  for (const c of state.mediaCards) assert(c.step <= state.settings.step, `${c.tag} at or before the linked step`);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('a link with a step opens every image card at that step', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=images&step=1000');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  const state = await settled(page, 'images', 3);
  for (const c of state.mediaCards) {
    assert(c.step <= 1000, `${c.tag} at step ${c.step}`);
    assert(c.position < c.count - 1, `${c.tag} is not at its newest step`);
  }
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('audio: the clip decodes to the independent facts\' length and plays', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  const state = await settled(page, 'audio', 1);
  const f = AUDIO_FACTS.find((x) => x.root === 'pytorch-small');
  const c = card(state, f.tag);
  assert(c, `audio card ${f.tag}`);
  assertEq(c.state, 'ready', 'clip decoded');
  assertEq(c.seconds, +f.frames / +f.sample_rate, 'clip length (frames / rate)');
  assertEq(c.step, +f.step, 'newest step');
  // Play (the first button in the first card), pause part way, play on from there.
  // The clip lasts 1 s: on a loaded machine the pause can land after its end,
  // so a clip that ended instead of pausing is played again (up to 3 tries).
  let paused = null;
  for (let attempt = 0; attempt < 3 && !(paused && paused.position > 0); attempt++) {
    await page.mouse.click(354, 193);
    await page.waitForFunction(() => window.eventlens.state().playback.position > 0.1, null, { timeout: 5000 });
    await page.mouse.click(354, 193);
    await page.waitForFunction(() => !window.eventlens.state().playback.playing, null, { timeout: 5000 });
    paused = (await page.evaluate(() => window.eventlens.state())).playback;
  }
  assert(paused.position > 0.1 && paused.position < 1, `paused part way: ${paused.position}`);
  await page.mouse.move(600, 500);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'audio-paused.png') });
  await page.mouse.click(354, 193);
  // The position is read in the same frame that first says "playing": a pause
  // near the end leaves little to play, and a later read may find it over.
  const resumedAt = await (await page.waitForFunction(() => {
    const p = window.eventlens.state().playback;
    return p.playing ? { position: p.position } : false;
  }, null, { timeout: 5000 })).jsonValue();
  assert(resumedAt.position >= paused.position, `resumed from ${paused.position}: at ${resumedAt.position}`);
  await page.waitForFunction(() => !window.eventlens.state().playback.playing, null, { timeout: 10000 });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('a file changed on disk after it was read: broken tiles that say why, nothing else lost', async (browser) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'el-media-'));
  const src = path.join(CORPUS, 'pytorch-small', 'train');
  fs.mkdirSync(path.join(dir, 'train'));
  for (const name of fs.readdirSync(src).filter((n) => n.includes('tfevents'))) {
    fs.copyFileSync(path.join(src, name), path.join(dir, 'train', name));
  }
  const { page, context } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', dir);
  await loaded(page);
  const before = await page.evaluate(() => window.eventlens.state());
  // Overwrite every byte after the first 64 KiB: the records the cards read back change.
  for (const name of fs.readdirSync(path.join(dir, 'train')).filter((n) => n.includes('tfevents'))) {
    const p = path.join(dir, 'train', name);
    const buf = fs.readFileSync(p);
    buf.fill(0x5a, Math.min(buf.length, 65536));
    fs.writeFileSync(p, buf);
  }
  const state = await settled(page, 'images', 3);
  const broken = state.mediaCards.filter((c) => c.state === 'error');
  assert(broken.length >= 3, `broken tiles: ${broken.length}`);
  for (const b of broken) assert(/train\/events|cannot read|changed/.test(b.error), `reason: ${b.error}`);
  assertEq(state.runs, before.runs, 'runs and tags unchanged');
  await page.screenshot({ path: path.join(OUT, 'images-broken.png') });
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

run();
