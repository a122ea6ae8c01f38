// The image memory benchmark (run by scripts/bench, not a test):
//   node bench_images.js SITE_DIR IMAGES_LOGDIR [STEPS]
// Opens the logdir of `eventlens demo --images` (1,000 steps of a 512 x 512
// image), shows the images dashboard and steps the card through every step
// with the arrow key, each time waiting until that step's image is drawn.
// Prints JSON: the image cache's bytes (peak and cap), the wasm heap and the
// JS heap at the end, and the time per step.
'use strict';
const path = require('path');
const { startBench } = require('./bench_util');

const [SITE, LOGDIR, STEPS_ARG] = process.argv.slice(2);

(async () => {
  const { origin, browser, stop } = await startBench(SITE, ['--enable-precise-memory-info']);
  const url = `${origin}/#dash=images`;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
  await page.setInputFiles('#open-folder', LOGDIR);
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 120000 });
  const card = () => page.evaluate(() => window.eventlens.state().mediaCards[0]);
  await page.waitForFunction(() => { const c = window.eventlens.state().mediaCards[0]; return c && c.state === 'ready'; },
    null, { timeout: 30000 });
  const first = await card();
  const steps = Math.min(first.count, +(STEPS_ARG || first.count));
  await page.mouse.move(470, 260);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => { const c = window.eventlens.state().mediaCards[0]; return c.position === 0 && c.state === 'ready'; });
  await page.evaluate(() => window.eventlens.resetFrameStats());
  const f0 = await page.evaluate(() => window.eventlens.frame());
  const t0 = Date.now();
  let peakBytes = 0, maxEntries = 0;
  for (let i = 1; i < steps; i++) {
    await page.keyboard.press('ArrowRight');
    const s = await page.waitForFunction((want) => {
      const st = window.eventlens.state();
      const c = st.mediaCards[0];
      return c && c.position === want && c.state !== 'loading' ? st.media : null;
    }, i, { timeout: 30000, polling: 'raf' }).then((h) => h.jsonValue());
    peakBytes = Math.max(peakBytes, s.bytes);
    maxEntries = Math.max(maxEntries, s.entries);
  }
  const seconds = (Date.now() - t0) / 1000;
  const end = await page.evaluate(() => ({
    media: window.eventlens.state().media,
    cards: window.eventlens.state().mediaCards,
    wasmHeap: window.Module.HEAPU8.length,
    frameMs: window.eventlens.state().frameMs,
    frame: window.eventlens.frame(),
    jsHeap: performance.memory ? performance.memory.usedJSHeapSize : 0,
  }));
  console.log(JSON.stringify({
    steps, image: `${first.width}x${first.height}`, ms_per_step: (seconds * 1000) / Math.max(1, steps - 1),
    cache_peak_bytes: Math.max(peakBytes, end.media.peakBytes), cache_budget_bytes: end.media.budget,
    cache_entries_max: maxEntries, reads: end.media.reads, decodes: end.media.decodes, evictions: end.media.evictions,
    frames_per_step: (end.frame - f0) / Math.max(1, steps - 1), frame_ms: end.frameMs,
    wasm_heap_bytes: end.wasmHeap, js_heap_bytes: end.jsHeap, last_state: end.cards[0].state,
  }));
  await stop();
})().catch((err) => { console.error(err); process.exit(1); });
