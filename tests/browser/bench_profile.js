// The Profile dashboard's benchmark (run by scripts/bench, not a test):
//   node bench_profile.js SITE_DIR TRACE_DIR...
// Each TRACE_DIR holds one generated kineto-like trace (`eventlens bench
// --profile-write EVENTS FILE`). Prints, for Chromium on this machine: the
// time from opening the folder to a drawn timeline (read in chunks, parsed,
// indexed) and its MB/s of JSON, the trace's bytes per slice in memory, and
// frame CPU time (p50, p95) while zooming with the wheel and panning by
// dragging over the whole timeline.
'use strict';
const fs = require('fs');
const path = require('path');
const { startBench, frameTimesAlong, pointsAlong } = require('./bench_util');

const [SITE, ...DIRS] = process.argv.slice(2);

(async () => {
  const { origin, browser, stop } = await startBench(SITE);
  const out = [];
  try {
    for (const dir of DIRS) {
      const bytes = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${origin}/#theme=dark`);
      await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
      const t0 = Date.now();
      await page.setInputFiles('#open-folder', dir);
      // (show() draws a frame: only until the Profile dashboard is up, so the load is not slowed by polling)
      await page.waitForFunction(() => {
        const s = window.eventlens.state();
        if (s.dashboard !== 'profile') window.eventlens.show('profile');
        const p = s.profile || {};
        return p.state === 'ready' && p.rows > 0;
      }, null, { timeout: 900000, polling: 500 });
      const seconds = (Date.now() - t0) / 1000;
      const p = (await page.evaluate(() => window.eventlens.state())).profile;
      const r = { file_mb: +(bytes / 1e6).toFixed(0), slices: p.slices, open_to_drawn_s: +seconds.toFixed(2),
        load_s: +(p.loadMs / 1000).toFixed(2), mb_per_s: +(bytes / 1e6 / (p.loadMs / 1000)).toFixed(0),
        parse_s: +(p.parseMs / 1000).toFixed(2), index_s: +(p.indexMs / 1000).toFixed(2),
        wait_s: +(p.waitMs / 1000).toFixed(2),
        bytes_per_slice: +(p.memoryBytes / p.slices).toFixed(1) };
      const [x, y, w, h] = p.rect;
      const cx = x + w / 2, cy = y + Math.min(h / 2, 80);
      // Zoom: 30 wheel steps in, then 30 out, about the cursor.
      await page.mouse.move(cx, cy);
      await page.evaluate(() => window.eventlens.resetFrameStats());
      for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, i < 30 ? -100 : 100);
        await page.waitForTimeout(16);
      }
      const z = (await page.evaluate(() => window.eventlens.state())).frameMs;
      r.zoom_frame_ms_p50 = +z.p50.toFixed(2);
      r.zoom_frame_ms_p95 = +z.p95.toFixed(2);
      // Pan at a tenth of the span: drag across the plot and back.
      for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, -100); await page.waitForTimeout(16); }
      const pan = await frameTimesAlong(page, [x + w * 0.8, cy],
        pointsAlong(80, (i) => [x + w * (0.8 - 0.6 * Math.sin((Math.PI * i) / 79)), cy]), { button: 'left' });
      r.pan_frame_ms_p50 = pan.p50;
      r.pan_frame_ms_p95 = pan.p95;
      r.frames = z.n + pan.frames;
      out.push(r);
      await context.close();
    }
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
