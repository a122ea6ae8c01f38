// The page benchmark (run by scripts/bench, not a test):
//   node bench_page.js SITE_DIR BIG_LOGDIR MILLION_LOGDIR
// Prints, for Chromium on this machine: time to the first chart after opening
// the ~400 MB logdir, whole-logdir ingest MB/s, UI frame CPU time with 12
// cards visible, and frame CPU time while panning a 1,000,000-point chart.
// The ingest time runs from choosing the folder to the engine taking the
// last byte, both on the page's clock (polling would add its own latency).
'use strict';
const fs = require('fs');
const path = require('path');
const { startBench, frameTimesAlong, pointsAlong, cpuTimeline } = require('./bench_util');

const [SITE, BIG, MILLION] = process.argv.slice(2);
const REPO = path.resolve(__dirname, '../..');

// Bytes of the event files under `dir`. Reads them once on the way, so the
// page is measured against the OS file cache, not against a first read from disk.
function du(dir) {
  let n = 0;
  const chunk = Buffer.alloc(16 << 20);
  for (const d of fs.readdirSync(dir, { recursive: true })) {
    const f = path.join(dir, d);
    if (!fs.statSync(f).isFile() || !d.includes('tfevents')) continue;
    n += fs.statSync(f).size;
    const fd = fs.openSync(f, 'r');
    while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
    fs.closeSync(fd);
  }
  return n;
}

async function openApp(browser, url, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
  return { page, context };
}

// Seconds from choosing `dir` to the engine taking its last byte, on the page's clock.
async function ingestSeconds(page, dir, t0) {
  const tDone = await page.waitForFunction(() => {
    const s = window.eventlens.state();
    return s.runs.length && !s.loading.active && s.loading.finishedMs >= 0 && s.loading.finishedMs;
  }, null, { timeout: 300000, polling: 100 });
  return ((await tDone.jsonValue()) - t0) / 1000;
}

// Runs in the page: a file input (#bench-read-alone) whose files are read in
// 32 MiB slices by a worker, every slice asked for at once, and nothing done
// with the bytes; window.benchReadAlone = {t0, ms, bytes} when all have arrived.
function readAloneSetup() {
  const input = document.createElement('input');
  Object.assign(input, { type: 'file', id: 'bench-read-alone', multiple: true, webkitdirectory: true });
  document.body.appendChild(input);
  const code = `self.onmessage = async (ev) => {
    const buf = await ev.data.file.slice(ev.data.at, ev.data.end).arrayBuffer();
    self.postMessage({ n: ev.data.n, buf }, [buf]);
  };`;
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  input.addEventListener('change', () => {
    const t0 = performance.now();
    const SLICE = 32 << 20;
    let asked = 0, arrived = 0, bytes = 0;
    worker.onmessage = (ev) => {
      bytes += ev.data.buf.byteLength;
      if (++arrived === asked) window.benchReadAlone = { t0, ms: performance.now() - t0, bytes };
    };
    for (const file of [...input.files].filter((f) => f.name.includes('tfevents'))) {
      for (let at = 0; at < file.size; at += SLICE)
        worker.postMessage({ n: asked++, file, at, end: Math.min(file.size, at + SLICE) });
    }
  });
}

// The CPU Chromium used from t0 for `secs` on `page`'s clock (performance.now()).
async function cpuOver(page, timeline, t0, secs) {
  const origin = await page.evaluate(() => performance.timeOrigin);
  return timeline.between(origin + t0, origin + t0 + secs * 1000);
}

(async () => {
  const { origin, browser, stop } = await startBench(SITE);
  const timeline = cpuTimeline();
  // Decoding threads, one per core (at least 2; by default the page uses
  // them from 4 cores on), against the one-thread page below.
  const threads = Math.max(2, require('os').cpus().length);
  const url = `${origin}/?threads=${threads}#smoothing=0.6&theme=dark`;
  const out = {};
  try {
    // 1. Open the big logdir: first chart, then everything.
    {
      const { page, context } = await openApp(browser, url, { width: 1920, height: 1700 });
      const bytes = du(BIG);
      // A person opens a folder a moment after the page has settled.
      await page.waitForFunction(() => window.eventlens.frame() >= 10);
      await page.waitForTimeout(1000);
      // Times on the page's clock (performance.now()): the folder is chosen
      // at t0; the engine says when the last byte was ingested (finishedMs).
      const t0 = await page.evaluate(() => performance.now());
      await page.setInputFiles('#open-folder', BIG);
      const tChart = await page.waitForFunction(() => window.eventlens.state().chartsDrawn > 0 && performance.now(),
        null, { timeout: 120000, polling: 'raf' });
      out.first_chart_ms = Math.round((await tChart.jsonValue()) - t0);
      const secs = await ingestSeconds(page, BIG, t0);
      out.ingest_cpu = await cpuOver(page, timeline, t0, secs);
      const after = await page.evaluate(() => window.eventlens.state());
      out.redecoded = after.redecoded || 0;
      out.ingest_threads = after.ingestThreads;
      out.decode_ms = Math.round(after.decodeMs || 0);  // the workers' time, all together
      out.apply_ms = Math.round(after.applyMs || 0);    // the UI thread's, applying what they decoded
      out.ingest_mb_per_s = +(bytes / 1e6 / secs).toFixed(1);
      out.ingest_seconds = +secs.toFixed(2);
      out.bytes = bytes;
      // 2. 12+ cards visible, the cursor moving over them (tooltips, cursors).
      await page.mouse.move(400, 300);
      await page.waitForTimeout(500);
      const t = await frameTimesAlong(page, [400, 300],
        pointsAlong(120, (i) => [400 + (i * 13) % 1400, 250 + (i * 7) % 1300]), { holdMs: 25 });
      out.cards_visible = (await page.evaluate(() => window.eventlens.state())).chartsDrawn;
      out.frame_ms_p50 = t.p50;
      out.frame_ms_p95 = t.p95;
      out.frames = t.frames;
      await context.close();
    }
    // 1b. The same logdir on the page's one thread (?threads=1), in the same run.
    {
      const { page, context } = await openApp(browser, `${origin}/?threads=1#smoothing=0.6&theme=dark`,
        { width: 1920, height: 1700 });
      await page.waitForTimeout(1000);
      const t0 = await page.evaluate(() => performance.now());
      await page.setInputFiles('#open-folder', BIG);
      const secs = await ingestSeconds(page, BIG, t0);
      out.one_thread_ingest_cpu = await cpuOver(page, timeline, t0, secs);
      out.one_thread_ingest_seconds = +secs.toFixed(2);
      out.one_thread_ingest_mb_per_s = +(out.bytes / 1e6 / secs).toFixed(1);
      await context.close();
    }
    // 1c. Chromium reading the same files alone, as the page reads them (File
    // slices in a worker, transferred) but with no engine: what the browser's
    // own processes spend handing the bytes over, which no decoding thread can
    // take off a core.
    {
      const { page, context } = await openApp(browser, `${origin}/?threads=1`, { width: 640, height: 400 });
      await page.evaluate(readAloneSetup);
      await page.setInputFiles('#bench-read-alone', BIG);
      const r = await (await page.waitForFunction(() => window.benchReadAlone, null,
        { timeout: 120000, polling: 50 })).jsonValue();
      out.read_alone_cpu = await cpuOver(page, timeline, r.t0, r.ms / 1000);
      out.read_alone_seconds = +(r.ms / 1000).toFixed(2);
      if (r.bytes !== out.bytes) throw new Error(`read ${r.bytes} bytes alone, expected ${out.bytes}`);
      await context.close();
    }
    out.cores = require('os').cpus().length;
    // 3. Pan a 1,000,000-point chart.
    {
      const { page, context } = await openApp(browser, url + '&tags=long', { width: 1280, height: 800 });
      await page.setInputFiles('#open-folder', MILLION);
      await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length && !s.loading.active; },
        null, { timeout: 300000, polling: 50 });
      await page.waitForTimeout(1500);  // pyramids built, range fitted
      const x = 540, y = 300;
      const t = await frameTimesAlong(page, [x, y], pointsAlong(90, (i) => [x - i * 3, y + Math.sin(i / 9) * 20]),
        { button: 'right' });
      out.pan_points = (await page.evaluate(() => window.eventlens.state())).runs[0].tags.scalars['long/series'];
      out.pan_frame_ms_p50 = t.p50;
      out.pan_frame_ms_p95 = t.p95;
      out.pan_frames = t.frames;
      await page.screenshot({ path: path.join(REPO, 'build/shots/bench-million.png') });
      await context.close();
    }
  } finally {
    timeline.stop();
    await stop();
  }
  console.log(JSON.stringify(out));
})();
