// The graph dashboard benchmark (run by scripts/bench, not a test):
//   node bench_graph.js SITE_DIR GRAPH_LOGDIR
// Opens the 20,012-node graph of `eventlens demo --graph` in headless
// Chromium and prints: time from choosing the folder to the graph drawn, the
// time to expand the 869-layer series, and UI frame CPU time while panning
// (a) the top level, (b) with model/, the layer series and gradients/ open,
// zoomed out, and (c) with every group open and the whole graph fitted.
'use strict';
const path = require('path');
const { startBench, frameTimesAlong, pointsAlong } = require('./bench_util');

const [SITE, LOGDIR] = process.argv.slice(2);
const REPO = path.resolve(__dirname, '../..');
const state = (page) => page.evaluate(() => window.eventlens.state());

async function doubleClick(page, box) {
  const x = box.x + Math.min(30, box.w / 2), y = box.y + box.h / 2;
  for (let i = 0; i < 2; i++) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.waitForTimeout(40);
    await page.mouse.up();
    await page.waitForTimeout(40);
  }
}

async function expand(page, name) {
  const g = (await state(page)).graphView;
  const box = g.boxes.find((b) => b.name === name);
  if (!box) throw new Error(`${name} not on screen: ${g.boxes.map((b) => b.name)}`);
  const t0 = Date.now();
  await doubleClick(page, box);
  await page.waitForFunction((n) => window.eventlens.state().graphView.expanded.includes(n), name,
    { timeout: 30000, polling: 'raf' });
  return Date.now() - t0;
}

async function pan(page, g) {
  const cx = g.canvas.x + g.canvas.w / 2, cy = g.canvas.y + g.canvas.h / 2;
  return frameTimesAlong(page, [cx, cy], pointsAlong(90, (i) => [cx - 150 * Math.sin(i / 14), cy - i * 3]),
    { button: 'right' });
}

(async () => {
  const { origin, browser, stop } = await startBench(SITE);
  const url = `${origin}/#theme=dark&dashboard=graphs`;
  const out = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
    const t0 = Date.now();
    await page.setInputFiles('#open-folder', LOGDIR);
    await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length && !s.loading.active; },
      null, { timeout: 120000, polling: 50 });
    await page.evaluate(() => window.eventlens.show('graphs'));
    await page.waitForFunction(() => window.eventlens.state().graphView.nodes > 0, null, { timeout: 120000, polling: 'raf' });
    out.open_ms = Date.now() - t0;
    let g = (await state(page)).graphView;
    out.nodes = g.nodes;
    out.edges = g.edges;
    await page.waitForTimeout(500);
    out.top = await pan(page, g);
    await page.waitForTimeout(300);
    out.expand_model_ms = await expand(page, 'model');
    await page.waitForTimeout(300);
    out.expand_series_ms = await expand(page, 'model/layer_[0-868]');
    await page.waitForTimeout(300);
    // Zoom out around the canvas centre until the whole graph is in view (the wheel zooms about the mouse).
    g = (await state(page)).graphView;
    await page.mouse.move(g.canvas.x + g.canvas.w / 2, g.canvas.y + g.canvas.h / 2);
    for (let i = 0; i < 25; i++) {
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    g = (await state(page)).graphView;
    out.items_visible = g.itemsVisible;
    out.zoom = +g.zoom.toFixed(3);
    out.expanded = await pan(page, g);
    await page.screenshot({ path: path.join(REPO, 'build/shots/bench-graph.png') });
    // (c) Everything expanded and fitted: every item of the graph laid out, most of them tiny.
    const c = g.controls['Expand all'];
    const t1 = Date.now();
    await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2);
    await page.waitForFunction((n) => window.eventlens.state().graphView.itemsVisible > n, g.itemsVisible * 10,
      { timeout: 60000, polling: 'raf' });
    out.expand_all_ms = Date.now() - t1;
    await page.waitForTimeout(500);
    g = (await state(page)).graphView;
    out.all_items = g.itemsVisible;
    out.all_zoom = +g.zoom.toFixed(4);
    out.all = await pan(page, g);
    await page.screenshot({ path: path.join(REPO, 'build/shots/bench-graph-all.png') });
    await context.close();
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})();
