// Browser tests of the app shell and its glue: node shell.test.js BASE_URL OUT_DIR SITE_DIR
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test, run, assert, assertEq, openPage, crc32, decodePng } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
const SITE = process.argv[4];
fs.mkdirSync(OUT, { recursive: true });

// Deterministic pseudo-random bytes (xorshift), so sizes and CRCs are known.
function bytes(n, seed) {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; b[i] = x & 0xff; }
  return b;
}

async function filesArrived(page, expected) {
  await page.waitForFunction((n) => {
    const s = window.eventlens.state();
    return s.files.length >= n && s.files.every((f) => f.finished) && !s.loading.active;
  }, expected.length, { timeout: 60000 });
  const state = await page.evaluate(() => window.eventlens.state());
  for (const e of expected) {
    const f = state.files.find((x) => x.path === e.path);
    assert(f, `file ${e.path} reached C++ (got ${state.files.map((x) => x.path).join(', ')})`);
    assertEq(f.size, e.buffer.length, `${e.path} size`);
    assertEq(f.bytesRead, e.buffer.length, `${e.path} bytes read`);
    assertEq(f.crc32, crc32(e.buffer), `${e.path} CRC-32`);
  }
  return state;
}

// Fraction of pixels that differ from the most common colour: 0 for a blank canvas.
function nonBackgroundFraction(png) {
  const { pixels, channels } = decodePng(png);
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) {
    const k = (pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const most = Math.max(...counts.values());
  return 1 - most / (pixels.length / channels);
}

test('page loads without console errors and the canvas is drawn', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify');
  const state = await page.evaluate(() => window.eventlens.state());
  assert(/^\d+\.\d+\.\d+$/.test(state.version), 'state().version is a version: ' + state.version);
  assert(state.frame >= 5, 'frames are being drawn');
  assertEq(state.files, [], 'no files at start');
  const png = await page.screenshot({ path: path.join(OUT, 'shell-empty.png') });
  const ink = nonBackgroundFraction(png);
  assert(ink > 0.005 && ink < 0.5, `canvas has visible content (non-background fraction ${ink.toFixed(4)})`);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('files chosen through #open-files reach C++ intact, in slices', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify');
  // 40 MiB + 1 crosses a 32 MiB slice boundary; the small one fits in one.
  const files = [
    { name: 'events.out.tfevents.big', buffer: bytes(40 * 1024 * 1024 + 1, 7) },
    { name: 'small.bin', buffer: bytes(12345, 3) },
  ];
  await page.setInputFiles('#open-files', files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer })));
  const state = await filesArrived(page, files.map((f) => ({ path: f.name, buffer: f.buffer })));
  // Random bytes are not an event file: the engine must say so, once per file.
  const big = state.problems.filter((p) => p.file === 'events.out.tfevents.big');
  assertEq(big.length, 1, 'one problem for the foreign file');
  assert(/not an event file/.test(big[0].message), 'named as not an event file: ' + big[0].message);
  await page.screenshot({ path: path.join(OUT, 'shell-files.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('a folder chosen through #open-folder arrives with paths relative to it', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'el-folder-'));
  const root = path.join(dir, 'logs');
  fs.mkdirSync(path.join(root, 'train'), { recursive: true });
  fs.mkdirSync(path.join(root, 'eval'), { recursive: true });
  const a = bytes(5000, 11), b = bytes(70000, 12);
  fs.writeFileSync(path.join(root, 'train', 'events.out.tfevents.1'), a);
  fs.writeFileSync(path.join(root, 'eval', 'events.out.tfevents.2'), b);
  await page.setInputFiles('#open-folder', root);
  // Paths are relative to the opened folder (its runs are named as TensorBoard names them).
  await filesArrived(page, [{ path: 'train/events.out.tfevents.1', buffer: a },
    { path: 'eval/events.out.tfevents.2', buffer: b }]);
  assertEq(problems, [], 'console errors/warnings');
  fs.rmSync(dir, { recursive: true });
  await context.close();
});

test('files dropped on the page reach C++ intact', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify');
  const n = 300000, seed = 21;
  const dt = await page.evaluateHandle(([n, seed]) => {
    const b = new Uint8Array(n);
    let x = seed >>> 0;
    for (let i = 0; i < n; i++) { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; b[i] = x & 0xff; }
    const d = new DataTransfer();
    d.items.add(new File([b], 'dropped.tfevents', { type: 'application/octet-stream' }));
    return d;
  }, [n, seed]);
  await page.dispatchEvent('#canvas', 'dragenter', { dataTransfer: dt });
  await page.screenshot({ path: path.join(OUT, 'shell-dragging.png') });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
  await filesArrived(page, [{ path: 'dropped.tfevents', buffer: bytes(n, seed) }]);
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('a real event file is framed into its records in the page', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify');
  const corpus = process.env.EVENTLENS_CORPUS;
  const rel = 'pytorch-small/eval/events.out.tfevents.1795314436.vm.2669.6';  // 73 records (corpus_records.tsv)
  const buffer = fs.readFileSync(path.join(corpus, rel));
  await page.setInputFiles('#open-files', { name: path.basename(rel), mimeType: 'application/octet-stream', buffer });
  const state = await filesArrived(page, [{ path: path.basename(rel), buffer }]);
  assertEq(state.files[0].records, 73, 'records framed');
  assertEq(state.problems, [], 'no problems for a clean file');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('crisp at devicePixelRatio 2: the canvas has device resolution', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify', { deviceScaleFactor: 2 });
  const dims = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  assertEq(dims.dpr, 2, 'devicePixelRatio');
  assertEq([dims.w, dims.h], [dims.cssW * 2, dims.cssH * 2], 'canvas backing store is 2x its CSS size');
  const state = await page.evaluate(() => window.eventlens.state());
  assertEq(state.pixelRatio, 2, 'fonts rasterised at ratio 2');
  await page.screenshot({ path: path.join(OUT, 'shell-hidpi.png') });
  // Resizing the window resizes the canvas.
  await page.setViewportSize({ width: 900, height: 600 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1800, null, { timeout: 10000 });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('View menu switches to the light theme and it persists', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/?verify');
  await page.mouse.click(66, 13);  // "View" in the menu bar
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(OUT, 'shell-view-menu.png') });
  await page.mouse.click(100, 70);  // "Light theme", the second item
  await page.waitForFunction(() => window.eventlens.state().theme === 'light', null, { timeout: 5000 });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(OUT, 'shell-light.png') });
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 3);
  assertEq(await page.evaluate(() => window.eventlens.state().theme), 'light', 'theme after reload');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('single-file eventlens.html works from file:// and takes a drop', async (browser) => {
  const { page, context, problems } = await openPage(browser, 'file://' + path.resolve(SITE, 'eventlens.html') + '?verify');
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(4096).fill(65)], 'a.bin'));
    return d;
  });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
  await filesArrived(page, [{ path: 'a.bin', buffer: Buffer.alloc(4096, 65) }]);
  await page.screenshot({ path: path.join(OUT, 'single-file.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
