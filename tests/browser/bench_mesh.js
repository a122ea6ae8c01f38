// The Mesh benchmark (run by scripts/bench, not a test):
//   node bench_mesh.js SITE_DIR WORK_DIR
// Writes `eventlens demo WORK_DIR --meshes` once (a 1,000,000-point cloud, a
// 500,000-triangle torus, a 100,000-vertex torus over 5 steps). In headless
// Chromium it prints, for the cloud and the big torus: the time from choosing
// the folder to the card drawn, and frame CPU time while orbiting; for the
// 100,000-vertex torus: the time from an arrow key to the next step drawn
// (reading, decoding, putting together, uploading) and the part after the
// read (putting together and uploading).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { REPO, startBench, frameTimesAlong, pointsAlong } = require('./bench_util');

const [SITE, WORK] = process.argv.slice(2);
const cards = (page) => page.evaluate(() => window.eventlens.state().meshCards || []);

async function open(browser, origin, tags) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${origin}/#dash=mesh&tags=${encodeURIComponent(tags)}`);
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
  const t0 = Date.now();
  await page.setInputFiles('#open-folder', WORK);
  await page.waitForFunction(() => (window.eventlens.state().meshCards || []).some((c) => c.state === 'ready'),
    null, { timeout: 300000, polling: 50 });
  return { page, context, ms: Date.now() - t0 };
}

async function orbit(page) {
  const [c] = await cards(page);
  const cx = (c.rect[0] + c.rect[2]) / 2, cy = (c.rect[1] + c.rect[3]) / 2;
  return frameTimesAlong(page, [cx, cy], pointsAlong(120, (i) => [cx + 200 * Math.sin(i / 15), cy + 80 * Math.cos(i / 20)]),
    { button: 'left' });
}

(async () => {
  if (!fs.existsSync(path.join(WORK, '.complete'))) {
    fs.rmSync(WORK, { recursive: true, force: true });
    execFileSync(path.join(REPO, 'build/native/eventlens'), ['demo', WORK, '--meshes']);
    fs.writeFileSync(path.join(WORK, '.complete'), '');
  }
  const { origin, browser, stop } = await startBench(SITE);
  const out = {};
  try {
    for (const [key, tags] of [['cloud', '^cloud'], ['torus_500k', '^torus_500k']]) {
      const { page, context, ms } = await open(browser, origin, tags);
      const [c] = await cards(page);
      out[key] = { open_ms: ms, vertices: c.vertices, faces: c.faces, drawn: c.drawn, build_ms: +c.switchMs.toFixed(1),
        orbit: await orbit(page) };
      await page.screenshot({ path: path.join(REPO, `build/shots/bench-mesh-${key}.png`) });
      await context.close();
    }
    // Switching steps: Left from the newest, four times.
    const { page, context } = await open(browser, origin, '^torus_100k');
    let [c] = await cards(page);
    await page.mouse.move((c.rect[0] + c.rect[2]) / 2, (c.rect[1] + c.rect[3]) / 2);
    const steps = [];
    for (let k = 1; k <= 4; k++) {
      const t0 = Date.now();
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((pos) => { const m = window.eventlens.state().meshCards[0]; return m.position === pos && m.state === 'ready'; },
        c.count - 1 - k, { timeout: 60000, polling: 5 });
      [c] = await cards(page);
      steps.push({ ms: Date.now() - t0, decode_ms: +c.decodeMs.toFixed(1), build_ms: +c.switchMs.toFixed(1) });
    }
    out.torus_100k = { vertices: c.vertices, faces: c.faces, steps };
    await context.close();
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
