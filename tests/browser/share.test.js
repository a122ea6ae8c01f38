// Browser tests of sharing runs as a static site and opening data by URL:
//   node share.test.js BASE_URL OUT_DIR SITE_DIR
// `eventlens publish` writes a site from a corpus logdir; another server (a
// different origin, with CORS like GitHub Pages) serves it; the page opens it
// with ?manifest=URL and must show exactly what `eventlens export` reads from
// the original files, reading them with HTTP Range requests. Then: a server
// that ignores Range (one streamed download, and a note saying so), a 404 and
// a server without CORS (clear problems, nothing else lost), and the
// single-file eventlens.html opened from file:// with a dropped file.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
const SITE = process.argv[4];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'build/native/eventlens');
const CORPUS = process.env.EVENTLENS_CORPUS;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'el-share-'));

function cli(args) {
  try {
    return execFileSync(CLI, args, { maxBuffer: 1 << 28 }).toString();
  } catch (e) {
    if (e.status === 1) return e.stdout.toString();  // data problems: the output is still complete
    throw e;
  }
}

// A static server for `dir` on a free port: {url, stop}.
async function serve(dir, flags = []) {
  const portFile = path.join(TMP, `port-${Math.random().toString(36).slice(2)}`);
  const proc = spawn('python3', [path.join(REPO, 'scripts/http_server.py'), '--root', dir, '--port', '0',
    '--port-file', portFile, ...flags], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  return { url: `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}`, stop: () => proc.kill() };
}

async function loaded(page, runs) {
  await page.waitForFunction((n) => { const s = window.eventlens.state(); return s.runs.length >= n && !s.loading.active; },
    runs, { timeout: 60000 });
  return page.evaluate(() => window.eventlens.state());
}

// The same runs, scalar tags and point counts as the export, and the same
// points for every series.
async function expectSameAsExport(page, state, exported) {
  assertEq(state.runs.map((r) => r.name).sort(), exported.map((r) => r.run).sort(), 'runs');
  let checked = 0;
  for (const r of exported) {
    const ui = state.runs.find((x) => x.name === r.run).tags.scalars || {};
    assertEq(Object.keys(ui).sort(), Object.keys(r.scalars).sort(), `scalar tags of ${r.run}`);
    for (const [tag, points] of Object.entries(r.scalars)) {
      assertEq(ui[tag], points.length, `${r.run}/${tag} point count`);
      const held = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [r.run, tag]);
      assertEq(held.map((p) => [p[0], p[1], p[2]]), points.map((p) => [p[0], p[1], p[2]]), `${r.run}/${tag} points`);
      checked++;
    }
  }
  return checked;
}

// Published once for the tests below: pytorch-small, plus one event file made
// larger than a slice (a real file concatenated with itself) in run "big".
const LOGDIR = path.join(TMP, 'logdir');
const manifest0 = () => JSON.parse(fs.readFileSync(path.join(PUBLISHED, 'manifest.json'), 'utf8'));
const PUBLISHED = path.join(TMP, 'site');
function publish() {
  fs.cpSync(path.join(CORPUS, 'pytorch-small'), LOGDIR, { recursive: true });
  const src = path.join(CORPUS, 'pytorch-small/train');
  const biggest = fs.readdirSync(src).filter((n) => n.includes('tfevents'))
    .map((n) => path.join(src, n)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  const one = fs.readFileSync(biggest);
  const copies = Math.ceil((6 << 20) / one.length);
  fs.mkdirSync(path.join(LOGDIR, 'big'));
  fs.writeFileSync(path.join(LOGDIR, 'big', path.basename(biggest)), Buffer.concat(Array(copies).fill(one)));
  const said = cli(['publish', LOGDIR, PUBLISHED, '--site', SITE]);
  assert(/^published \d+ files of \d+ runs/.test(said), `publish said: ${said}`);
}

test('a published site opened with ?manifest= from another origin shows what export reads, via Range', async (browser) => {
  publish();
  const manifest = JSON.parse(fs.readFileSync(path.join(PUBLISHED, 'manifest.json'), 'utf8'));
  for (const f of manifest.files) {
    const bytes = fs.readFileSync(path.join(PUBLISHED, f.url));
    assertEq(bytes.length, f.size, `${f.path} size`);
    assertEq(require('crypto').createHash('sha256').update(bytes).digest('hex'), f.sha256, `${f.path} sha256`);
    assert(bytes.equals(fs.readFileSync(path.join(LOGDIR, f.path))), `${f.path} copied byte for byte`);
  }
  for (const name of ['index.html', 'sw.js', 'eventlens.html', 'README.md', '.nojekyll'])
    assert(fs.existsSync(path.join(PUBLISHED, name)), `site has ${name}`);
  const wasm = fs.readdirSync(PUBLISHED).filter((n) => /^eventlens\.[0-9a-f]{12}\.wasm$/.test(n));
  assertEq(wasm.length, 1, 'one content-hashed wasm');
  assert(fs.readFileSync(path.join(PUBLISHED, 'index.html'), 'utf8').includes('Content-Security-Policy'), 'a CSP');
  const host = await serve(PUBLISHED, ['--cors']);
  // (openPage's page, but listening to responses from the start)
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  const ranges = [];
  page.on('response', (res) => {
    if (res.url().includes('/data/big/')) ranges.push([res.request().headers().range, res.status()]);
  });
  await page.goto(`${BASE}/?manifest=${encodeURIComponent(host.url + '/manifest.json')}`);
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady(), null, { timeout: 30000 });
  const exported = JSON.parse(cli(['export', LOGDIR, '--kind', 'scalars'])).runs;
  const state = await loaded(page, exported.length);
  const checked = await expectSameAsExport(page, state, exported);
  assert(checked >= 20, `compared ${checked} series`);
  assert(ranges.length >= 2 && ranges.every(([r, status]) => /^bytes=\d+-\d+$/.test(r) && status === 206),
    `the big file came in Range requests: ${JSON.stringify(ranges)}`);
  assertEq(state.problems, [], 'no problems');
  await page.screenshot({ path: path.join(OUT, 'share-manifest.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
  host.stop();
});

test('a server without Range support: one streamed download, said so, same data', async (browser) => {
  const host = await serve(PUBLISHED, ['--cors', '--no-range']);
  const { page, context } = await openPage(browser, BASE + '/');
  await page.evaluate((u) => window.eventlens.open(u), host.url + '/manifest.json');
  const exported = JSON.parse(cli(['export', LOGDIR, '--kind', 'scalars'])).runs;
  const state = await loaded(page, exported.length);
  await expectSameAsExport(page, state, exported);
  const notes = state.problems.filter((p) => /ignores HTTP Range/.test(p.message));
  assert(notes.length >= 1, `a note about Range: ${JSON.stringify(state.problems)}`);
  await context.close();
  host.stop();
});

test('a 404 and a server without CORS are named in the Problems panel; what is open stays', async (browser) => {
  const cors = await serve(PUBLISHED, ['--cors']);
  const plain = await serve(PUBLISHED);
  const { page, context } = await openPage(browser, BASE + '/');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  const before = await loaded(page, 1);
  const missing = cors.url + '/data/train/events.out.tfevents.missing';
  await page.evaluate((u) => window.eventlens.open(u), missing);
  await page.evaluate((u) => window.eventlens.open(u), plain.url + '/manifest.json');
  await page.waitForFunction(() => window.eventlens.state().problems.length >= 2, null, { timeout: 20000 });
  const state = await page.evaluate(() => window.eventlens.state());
  const m404 = state.problems.find((p) => p.file === missing);
  assert(m404 && /HTTP 404 \(no file at this address\)/.test(m404.message), `404 named: ${JSON.stringify(state.problems)}`);
  const mCors = state.problems.find((p) => p.file.startsWith(plain.url));
  assert(mCors && /Access-Control-Allow-Origin/.test(mCors.message), `CORS named: ${JSON.stringify(state.problems)}`);
  // One event file by #url= in a link (a run named after the file, as for `export FILE`).
  const file = manifest0().files.find((f) => f.path.startsWith('train/'));
  const page2 = await context.newPage();
  await page2.goto(`${BASE}/#url=${encodeURIComponent(cors.url + '/' + file.url)}`);
  await page2.waitForFunction(() => window.eventlens && window.eventlens.isReady(), null, { timeout: 30000 });
  const exported = JSON.parse(cli(['export', path.join(LOGDIR, file.path), '--kind', 'scalars'])).runs;
  await expectSameAsExport(page2, await loaded(page2, exported.length), exported);
  assert((await page2.evaluate(() => location.hash)).includes('url='), 'the opened URL stays in the link');
  for (const r of before.runs) {
    assertEq(state.runs.find((x) => x.name === r.name).tags, r.tags, `run ${r.name} unchanged`);
  }
  // Something is open, so the panel waits for a click on the badge.
  assert(!state.problemsPanel, 'the Problems panel did not open by itself');
  // A load that gives nothing at all (only a missing file) opens it by itself.
  const page3 = await context.newPage();
  await page3.goto(`${BASE}/#url=${encodeURIComponent(missing)}`);
  await page3.waitForFunction(() => window.eventlens && window.eventlens.isReady(), null, { timeout: 30000 });
  await page3.waitForFunction(() => window.eventlens.state().problemsPanel === true, null, { timeout: 20000 });
  await page.screenshot({ path: path.join(OUT, 'share-problems.png') });
  await context.close();
  cors.stop();
  plain.stop();
});

test('offline: after one visit the page opens with no network and reads local files', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(BASE + '/');
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady(), null, { timeout: 30000 });
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active, null, { timeout: 30000 });
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5,
    null, { timeout: 30000 });
  const dir = path.join(CORPUS, 'pytorch-small');
  await page.setInputFiles('#open-folder', dir);
  const exported = JSON.parse(cli(['export', dir, '--kind', 'scalars'])).runs;
  const state = await loaded(page, exported.length);
  await expectSameAsExport(page, state, exported);
  await page.screenshot({ path: path.join(OUT, 'share-offline.png') });
  // (the manifest.json probe fails offline; it is not an error on the page)
  assertEq(problems.filter((p) => !/manifest\.json|ERR_INTERNET_DISCONNECTED/.test(p)), [], 'console errors');
  await context.close();
});

test('a new version is fetched in the background and announced for the next load', async (browser) => {
  const site = path.join(TMP, 'site-v1');
  fs.cpSync(SITE, site, { recursive: true });
  const host = await serve(site);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(host.url + '/');
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady(), null, { timeout: 30000 });
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.ready).active, null, { timeout: 30000 });
  await page.reload();  // now the worker serves the page
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && !!navigator.serviceWorker.controller,
    null, { timeout: 30000 });
  // "Deploy" a new version: a different service worker (its version string changes).
  const sw = path.join(site, 'sw.js');
  fs.writeFileSync(sw, fs.readFileSync(sw, 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'"));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForFunction(() => document.getElementById('update-note').classList.contains('shown'), null, { timeout: 30000 });
  const note = await page.evaluate(() => document.getElementById('update-note').textContent);
  assert(/new version of EventLens is ready/.test(note), `note: ${note}`);
  await page.screenshot({ path: path.join(OUT, 'share-update-note.png') });
  await context.close();
  host.stop();
});

test('the single-file eventlens.html works from file:// with a dropped event file', async (browser) => {
  const { page, context, problems } = await openPage(browser, 'file://' + path.resolve(SITE, 'eventlens.html'));
  const file = fs.readdirSync(path.join(CORPUS, 'pytorch-small/train')).filter((n) => n.includes('tfevents'))
    .map((n) => path.join(CORPUS, 'pytorch-small/train', n))[0];
  const dt = await page.evaluateHandle((f) => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array(f.data)], f.name));
    return d;
  }, { name: path.basename(file), data: Array.from(fs.readFileSync(file)) });
  await page.dispatchEvent('#canvas', 'drop', { dataTransfer: dt });
  const exported = JSON.parse(cli(['export', file, '--kind', 'scalars'])).runs;
  const state = await loaded(page, exported.length);
  await expectSameAsExport(page, state, exported);
  await page.screenshot({ path: path.join(OUT, 'share-file-url.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

process.on('exit', () => fs.rmSync(TMP, { recursive: true, force: true }));
run();
