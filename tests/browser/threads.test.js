// Browser tests of reading on every core (issue: Scale):
//   node threads.test.js BASE_URL OUT_DIR SITE_DIR
// BASE_URL's server sends the isolating headers (scripts/http_server.py), so
// the page runs its threaded build. A logdir read there must hold exactly
// what the one-thread page (?threads=1) reads: every point of every series.
// A server without the headers (as GitHub Pages) gets isolated by the page's
// service worker, which reloads the page once. A page so isolated still
// opens event files from another origin (CORS), and the status bar says how
// many threads read the files, or why only one (by default, a machine of
// fewer than 4 cores reads on one: there the threads measured no faster).
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { test, run, assert, assertEq, openPage } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
const SITE = process.argv[4];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.join(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS || path.join(REPO, '../shared/corpus');
// Runs of several files each (restarts), and many runs.
const LOGDIRS = ['pytorch-small', 'realworld/tf2-keras'];

const state = (page) => page.evaluate(() => window.eventlens.state());

// Every series of every run, as stored (run -> tag -> points).
async function everything(page) {
  return page.evaluate(() => {
    const s = window.eventlens.state();
    const out = {};
    for (const r of s.runs) {
      out[r.name] = {};
      for (const byTag of Object.values(r.tags))
        for (const t of Object.keys(byTag)) out[r.name][t] = window.eventlens.series(r.name, t);
    }
    // And per file: bytes, records, and the whole file's CRC-32 (?verify).
    out['(files)'] = { files: s.files.map((f) => [f.path, f.bytesRead, f.records, f.crc32, f.finished]) };
    out['(problems)'] = { problems: s.problems };
    return out;
  });
}

async function readLogdir(page, dir) {
  await page.setInputFiles('#open-folder', path.join(CORPUS, dir));
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 120000 });
  return everything(page);
}

// A server of ours on a free port: the site, without isolating headers, or event files with CORS.
async function startServer(args) {
  const portFile = path.join(fs.mkdtempSync('/tmp/el-threads-'), 'port');
  const proc = spawn('python3', [path.join(REPO, 'scripts/http_server.py'), '--port', '0', '--port-file', portFile, ...args],
    { stdio: 'ignore' });
  process.on('exit', () => proc.kill());
  for (let i = 0; i < 200 && !(fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').trim()); i++)
    await new Promise((r) => setTimeout(r, 50));
  return `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}`;
}

function compareRuns(a, b, where) {
  const runs = Object.keys(a).sort();
  assertEq(JSON.stringify(Object.keys(b).sort()), JSON.stringify(runs), `${where}: the same runs`);
  let points = 0;
  for (const r of runs) {
    assertEq(JSON.stringify(Object.keys(b[r]).sort()), JSON.stringify(Object.keys(a[r]).sort()), `${where}: ${r}'s tags`);
    for (const t of Object.keys(a[r])) {
      assertEq(JSON.stringify(b[r][t]), JSON.stringify(a[r][t]), `${where}: ${r}/${t}`);
      if (Array.isArray(a[r][t])) points += a[r][t].length;
    }
  }
  return points;
}

test('an isolated page reads on worker threads exactly what one thread reads', async (browser) => {
  for (const dir of LOGDIRS) {
    const many = await openPage(browser, BASE + '/?threads=2&verify');
    const one = await openPage(browser, BASE + '/?threads=1&verify');
    try {
      assert(await many.page.evaluate(() => self.crossOriginIsolated), 'the page is cross-origin isolated');
      const s = await state(many.page);
      assert(s.ingestThreads >= 2, `decoding threads: ${s.ingestThreads}`);
      assertEq(s.whyOneThread, '', 'no reason given for one thread');
      const s1 = await state(one.page);
      assertEq(s1.ingestThreads, 1, '?threads=1 reads on one thread');
      assert(/\?threads=1/.test(s1.whyOneThread), `why one thread: ${s1.whyOneThread}`);
      const a = await readLogdir(one.page, dir), b = await readLogdir(many.page, dir);
      const points = compareRuns(a, b, dir);
      assert(points > 1000, `${dir}: ${points} points compared`);
      assertEq(many.problems.join('\n'), '', 'no console errors (threaded)');
      assertEq(one.problems.join('\n'), '', 'no console errors (one thread)');
      console.log(`  ${dir}: ${points} points equal on ${s.ingestThreads} threads and on one`);
      if (dir === LOGDIRS[0]) {
        await many.page.waitForTimeout(300);
        await many.page.screenshot({ path: path.join(OUT, 'threads.png') });
      }
    } finally {
      await many.context.close();
      await one.context.close();
    }
  }
});

test('by default, threads only from 4 cores; the status bar says why not', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  try {
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const s = await state(page);
    if (cores < 4) {
      assertEq(s.ingestThreads, 1, `one thread on ${cores} cores`);
      assert(new RegExp(`${cores} cores`).test(s.whyOneThread), `why: ${s.whyOneThread}`);
    } else {
      assert(s.ingestThreads >= 2, `threads on ${cores} cores: ${s.ingestThreads}`);
    }
    // The status bar names it while files load, and after.
    await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small/eval'));
    await page.waitForFunction(() => { const x = window.eventlens.state(); return x.runs.length > 0 && !x.loading.active; },
      null, { timeout: 30000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'threads-default.png') });
    assertEq(problems.join('\n'), '', 'no console errors');
  } finally {
    await context.close();
  }
});

test('a page served without isolating headers is isolated by its service worker', async (browser) => {
  const plain = await startServer(['--root', SITE, '--no-isolation']);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(plain + '/?threads=2');
    // The first load registers the worker, then loads again, isolated.
    await page.waitForFunction(() => self.crossOriginIsolated && window.eventlens && window.eventlens.isReady(),
      null, { timeout: 30000 });
    const s = await page.evaluate(() => window.eventlens.state());
    assert(s.ingestThreads >= 2, `decoding threads after the reload: ${s.ingestThreads}`);
    const served = await readLogdir(page, 'pytorch-small/eval');
    assert(Object.keys(served).length > 0, 'runs read');
  } finally {
    await context.close();
  }
});

test('an isolated page opens event files from another origin (CORS)', async (browser) => {
  const files = await startServer(['--root', path.join(CORPUS, 'pytorch-small'), '--cors']);
  const rel = fs.readdirSync(path.join(CORPUS, 'pytorch-small/eval')).find((f) => f.includes('tfevents'));
  const { page, context, problems } = await openPage(browser, BASE + '/?threads=2');
  try {
    assert(await page.evaluate(() => self.crossOriginIsolated), 'isolated');
    await page.evaluate((u) => window.eventlens.open(u), `${files}/eval/${rel}`);
    await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
      null, { timeout: 30000 });
    const s = await state(page);
    const f = s.files.find((x) => x.path.includes(rel));
    assert(f && f.records > 0 && f.finished, `records read from the other origin: ${JSON.stringify(f)}`);
    assertEq(JSON.stringify(s.problems), '[]', 'no problem reading it');
    assertEq(problems.join('\n'), '', 'no console errors');
  } finally {
    await context.close();
  }
});

run();
