// A tiny test harness for the browser tests: named tests run in order, each
// prints "ok"/"not ok", and the run ends with a JSON summary line that
// scripts/test reads: {"passed": N, "failed": N}.
'use strict';
const { chromium } = require('playwright-core');
const zlib = require('zlib');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

const tests = [];
function test(name, fn) { tests.push({ name, fn }); }

async function run() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true, args: CHROMIUM_ARGS });
  let passed = 0, failed = 0;
  // EVENTLENS_ONLY=regex runs the tests whose names match (while working on one).
  const only = process.env.EVENTLENS_ONLY ? new RegExp(process.env.EVENTLENS_ONLY) : null;
  for (const t of tests.filter((x) => !only || only.test(x.name))) {
    const started = Date.now();
    try {
      await t.fn(browser);
      passed++;
      console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`not ok - ${t.name}\n  ${String(err && err.stack || err).split('\n').join('\n  ')}`);
    }
  }
  await browser.close();
  console.log(JSON.stringify({ passed, failed }));
  process.exit(failed ? 1 : 0);
}

function assert(cond, msg) { if (!cond) throw new Error('assertion failed: ' + msg); }
function assertEq(a, b, msg) {
  const sa = JSON.stringify(a), sb = JSON.stringify(b);
  if (sa !== sb) throw new Error(`${msg}: expected ${sb}, got ${sa}`);
}

// Console messages that are not the page's: Chromium's GL driver notes that a
// screenshot's ReadPixels stalled the (software) GPU.
const IGNORED_CONSOLE = [/GPU stall due to ReadPixels/];

// Opens a page and records console errors/warnings and uncaught exceptions.
async function openPage(browser, url, opts = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 },
    deviceScaleFactor: opts.deviceScaleFactor || 1 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !IGNORED_CONSOLE.some((r) => r.test(m.text())))
      problems.push(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`[pageerror] ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5,
    null, { timeout: 30000 });
  return { page, context, problems };
}

// Standard CRC-32 (zlib's), written out so the test does not trust the page.
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium screenshots are).
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG');
      channels = { 2: 3, 6: 4 }[data[9]];
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = src[x];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      out[y * stride + x] = v & 0xff;
    }
  }
  return { width, height, channels, pixels: out };
}

// Waits until the app has drawn another frame (ImGui reads the mouse once a frame).
// One round trip, so two clicks stay within ImGui's double-click time.
function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const f0 = window.eventlens.frame();
    const tick = () => (window.eventlens.frame() > f0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }));
}

// A double click at (x, y), each press and release in its own frame.
async function doubleClickAt(page, x, y) {
  await page.mouse.move(x, y);
  await nextFrame(page);
  for (let i = 0; i < 2; i++) {
    await page.mouse.down();
    await nextFrame(page);
    await page.mouse.up();
    await nextFrame(page);
  }
}

// Where the HParams table's filter box of column `key` ("h:lr", "m:loss", "run")
// is, once the table's columns have settled their widths (they take a few frames).
async function hparamsFilterBox(page, key) {
  await page.waitForFunction((k) => { const v = window.eventlens.state().hparamsView;
    return v && v.filters.some((f) => f.key === k); }, key, { timeout: 20000 });
  let last = null;
  for (let i = 0; i < 40; i++) {
    const box = (await page.evaluate(() => window.eventlens.state())).hparamsView.filters.find((f) => f.key === key);
    if (last && box.x === last.x && box.y === last.y) return box;
    last = box;
    await page.mouse.move(box.x, box.y + 40);  // (a move draws frames)
    await page.waitForTimeout(400);
  }
  throw new Error(`the filter box of ${key} never settled`);
}

module.exports = { test, run, assert, assertEq, openPage, crc32, decodePng, nextFrame, doubleClickAt, hparamsFilterBox };
