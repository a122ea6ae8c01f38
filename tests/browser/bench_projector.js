// The Projector benchmark (run by scripts/bench, not a test):
//   node bench_projector.js SITE_DIR WORK_DIR
// Writes two embeddings into WORK_DIR (once): 100,000 x 128 as a PyTorch-style
// tensors.tsv (~100 MB, 5 significant digits), and 1,000,000 x 3 as raw
// float32 named by a projector config. In headless Chromium it prints: the
// time from choosing the folder to the PCA view drawn (reading the file,
// parsing, PCA of every point), and frame CPU time while orbiting the
// million points; then t-SNE of 10,000 x 50 in the page: the time to find the
// neighbours (spread over frames), steps per second, and frame CPU time while it runs.
'use strict';
const fs = require('fs');
const path = require('path');
const { startBench, frameTimesAlong, pointsAlong } = require('./bench_util');

const [SITE, WORK] = process.argv.slice(2);
const REPO = path.resolve(__dirname, '../..');
const state = (page) => page.evaluate(() => window.eventlens.state());

// A deterministic generator (xorshift), so every run reads the same numbers.
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

function writeTsv(dir, rows, dims) {
  fs.mkdirSync(path.join(dir, '00000/default'), { recursive: true });
  const r = rng(7);
  const fd = fs.openSync(path.join(dir, '00000/default/tensors.tsv'), 'w');
  let chunk = [];
  for (let i = 0; i < rows; i++) {
    const cluster = i % 10;
    const row = [];
    for (let d = 0; d < dims; d++) row.push(((d % 10 === cluster ? 2 : 0) + r() - 0.5).toPrecision(5));
    chunk.push(row.join('\t'));
    if (chunk.length === 5000) { fs.writeSync(fd, chunk.join('\n') + '\n'); chunk = []; }
  }
  if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
  const meta = ['digit'];
  for (let i = 0; i < rows; i++) meta.push(String(i % 10));
  // One column with a header needs a tab on the first line; a single column has none.
  fs.writeFileSync(path.join(dir, '00000/default/metadata.tsv'), meta.slice(1).join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'projector_config.pbtxt'),
    'embeddings {\n  tensor_name: "bench:00000"\n  tensor_path: "00000/default/tensors.tsv"\n  metadata_path: "00000/default/metadata.tsv"\n}\n');
}

function writeMillion(dir, rows) {
  fs.mkdirSync(dir, { recursive: true });
  const r = rng(11);
  const data = new Float32Array(rows * 3);
  for (let i = 0; i < rows; i++) {
    // A spiral galaxy: points along arms, with noise.
    const t = r() * 12, arm = (i % 3) * 2.094;
    data[i * 3] = t * Math.cos(t + arm) + (r() - 0.5);
    data[i * 3 + 1] = t * Math.sin(t + arm) + (r() - 0.5);
    data[i * 3 + 2] = (r() - 0.5) * 2;
  }
  fs.writeFileSync(path.join(dir, 'points.bytes'), Buffer.from(data.buffer));
  fs.writeFileSync(path.join(dir, 'projector_config.pbtxt'),
    `embeddings {\n  tensor_name: "million"\n  tensor_path: "points.bytes"\n  tensor_shape: ${rows}\n  tensor_shape: 3\n}\n`);
}

async function openAndDraw(browser, origin, dir) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${origin}/#dash=projector`);
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
  const t0 = Date.now();
  await page.setInputFiles('#open-folder', dir);
  await page.waitForFunction(() => { const p = window.eventlens.state().projector; return p && p.status === 'ready' && p.drawn > 0; },
    null, { timeout: 300000, polling: 50 });
  return { page, context, ms: Date.now() - t0 };
}

async function orbit(page) {
  const p = (await state(page)).projector;
  const cx = p.view[0] + p.view[2] / 2, cy = p.view[1] + p.view[3] / 2;
  return frameTimesAlong(page, [cx, cy], pointsAlong(120, (i) => [cx + 200 * Math.sin(i / 15), cy + 80 * Math.cos(i / 20)]),
    { button: 'left' });
}

(async () => {
  const tsvDir = path.join(WORK, 'tsv-100k'), millionDir = path.join(WORK, 'million');
  const tsneDir = path.join(WORK, 'tsne-10k');
  if (!fs.existsSync(path.join(WORK, '.complete'))) {
    fs.rmSync(WORK, { recursive: true, force: true });
    writeTsv(tsvDir, 100000, 128);
    writeMillion(millionDir, 1000000);
    fs.writeFileSync(path.join(WORK, '.complete'), '');
  }
  // (After the above, which starts WORK afresh: written before it, it was deleted on a first run.)
  if (!fs.existsSync(path.join(tsneDir, 'projector_config.pbtxt'))) writeTsv(tsneDir, 10000, 50);
  const { origin, browser, stop } = await startBench(SITE);
  const out = {};
  try {
    let page, context, ms, p;
    // EVENTLENS_BENCH_LAYOUTS_ONLY=1: t-SNE and UMAP only (while working on them).
    if (!process.env.EVENTLENS_BENCH_LAYOUTS_ONLY) {
    ({ page, context, ms } = await openAndDraw(browser, origin, tsvDir));
    p = (await state(page)).projector;
    out.tsv_mb = fs.statSync(path.join(tsvDir, '00000/default/tensors.tsv')).size / 1e6;
    out.tsv_open_ms = ms;
    out.tsv_load_ms = p.loadMs;
    out.tsv_parse_ms = p.parseMs;
    out.pca_ms = p.pcaMs;
    out.points = p.points;
    out.dims = p.dims;
    // Neighbours of one point: click one, time until listed.
    await page.screenshot({ path: path.join(REPO, 'build/shots/bench-projector-100k.png') });
    await context.close();

    ({ page, context, ms } = await openAndDraw(browser, origin, millionDir));
    p = (await state(page)).projector;
    out.million_open_ms = ms;
    out.million_points = p.drawn;
    await page.waitForTimeout(500);
    out.orbit = await orbit(page);
    await page.screenshot({ path: path.join(REPO, 'build/shots/bench-projector-million.png') });
    await context.close();
    }

    // t-SNE and UMAP of 10,000 x 50: the neighbours (and affinities) over frames,
    // then iterations per second and the frame CPU time while they run.
    for (const method of ['tsne', 'umap']) {
      ({ page, context } = await openAndDraw(browser, origin, tsneDir));
      const t0 = Date.now();
      await page.evaluate((m) => window.eventlens.settings(`pproj=${m}&ptdim=2&piter=0&pcolor=label`), method);
      await page.waitForFunction(() => window.eventlens.state().projector.layout.iteration >= 0, null,
        { timeout: 300000, polling: 100 });
      out[`${method}_prepare_ms`] = Date.now() - t0;
      await page.evaluate(() => window.eventlens.resetFrameStats());
      const i0 = (await state(page)).projector.layout.iteration, s0 = Date.now();
      await page.waitForTimeout(5000);
      const s = await state(page);
      out[`${method}_steps_per_s`] = +((s.projector.layout.iteration - i0) / ((Date.now() - s0) / 1000)).toFixed(1);
      out[`${method}_frame`] = { p50: +s.frameMs.p50.toFixed(2), p95: +s.frameMs.p95.toFixed(2), frames: s.frameMs.n };
      out[`${method}_neighbours_ms`] = Math.round(s.projector.layout.neighboursMs);
      if (method === 'umap') {
        await page.waitForFunction(() => !window.eventlens.state().projector.layout.running, null,
          { timeout: 600000, polling: 250 });
        out.umap_total_ms = Date.now() - t0;
        out.umap_epochs = (await state(page)).projector.layout.iteration;
      }
      await page.screenshot({ path: path.join(REPO, `build/shots/bench-projector-${method}.png`) });
      await context.close();
    }
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})();
