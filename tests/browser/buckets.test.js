// Browser tests of cloud buckets as logdirs (issue: Scale):
//   node buckets.test.js BASE_URL OUT_DIR SITE_DIR
// A real S3-compatible server (s3rver, from npm: s3_server.js) is started
// here, on another origin than the page, with a CORS rule for the page on one bucket and none
// on another. The page lists a bucket prefix with ListObjectsV2 (more than one
// page of keys), reads only the runs picked, with Range requests, and picks up
// a grown object on a re-check. A bucket without CORS, a missing bucket and a
// malformed address are named in the Problems panel, and what is open stays.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { test, run, assert, assertEq, openPage, hparamsFilterBox, doubleClickAt } = require('./harness');
const { scalarFile, hparamsFile } = require('./events');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const PAGE_ORIGIN = new URL(BASE).origin;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'el-s3-'));

const RUNS = 5, STEPS = 10;
// Run r's loss at step i: (100 r + i) / 8, exact in binary.
const lossOf = (r, i) => (100 * r + i) / 8;
const runFile = (r, steps) => scalarFile(Array.from({ length: steps }, (_, i) => [i, 'loss', lossOf(r, i)]));
const PREFIX = 'team/exp1/';
const keyOf = (r) => `${PREFIX}run_${r}/events.out.tfevents.1700000000.host`;
// More keys than one ListObjectsV2 page (1,000), sorted before the event
// files: the runs are only found if every page is read.
const FILLER = 1010;
// The steps each run's object holds now (the first test grows run_1).
const stepsNow = Array(RUNS).fill(STEPS);

let S3 = '';  // the server's address, http://127.0.0.1:PORT

// An object PUT as any S3 client would (s3rver takes unsigned requests).
function put(bucket, key, body) {
  return new Promise((resolve, reject) => {
    const u = new URL(`${S3}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`);
    const req = http.request(u, { method: 'PUT', headers: { 'Content-Length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PUT ${key}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startServer() {
  const portFile = path.join(TMP, 'port');
  const proc = spawn(process.execPath, ['--openssl-legacy-provider', path.join(__dirname, 's3_server.js'),
    path.join(TMP, 'store'), PAGE_ORIGIN, portFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.on('exit', () => proc.kill());
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  if (!fs.existsSync(portFile)) throw new Error('s3rver did not start');
  S3 = `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}`;
  for (let i = 0; i < FILLER; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, FILLER - i) }, (_, k) =>
      put('lens', `${PREFIX}run_0/ckpt/shard_${String(i + k).padStart(5, '0')}.bin`, Buffer.from('x'))));
  for (let r = 0; r < RUNS; r++) await put('lens', keyOf(r), runFile(r, STEPS));
  await put('lens', `${PREFIX}run_1/notes.txt`, Buffer.from('not an event file'));
  // A sibling whose name starts with the prefix's: not under the folder.
  await put('lens', 'team/exp10/run_9/events.out.tfevents.1700000000.host', runFile(9, STEPS));
  await put('closed', 'logs/run_0/events.out.tfevents.1700000000.host', runFile(0, STEPS));
}

const state = (page) => page.evaluate(() => window.eventlens.state());
const address = (bucket, prefix) => `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(S3)}`;

// Requests the page made to the S3 server: {method, key, list, range}.
function watchRequests(page) {
  const seen = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(S3)) return;
    const u = new URL(req.url());
    seen.push({ method: req.method(), key: decodeURIComponent(u.pathname.split('/').slice(2).join('/')),
      list: u.searchParams.get('list-type') === '2', range: req.headers().range || '' });
  });
  return seen;
}

async function expectRun(page, r, steps) {
  const points = await page.evaluate(([a, b]) => window.eventlens.series(a, b), [`run_${r}`, 'loss']);
  assertEq(points.length, steps, `run_${r} point count`);
  for (let i = 0; i < steps; i++) {
    if (points[i][0] !== i || points[i][2] !== lossOf(r, i))
      throw new Error(`run_${r} point ${i}: expected step ${i} value ${lossOf(r, i)}, got ${JSON.stringify(points[i])}`);
  }
}

test('a bucket prefix lists its runs, and only the runs picked are fetched (with Range)', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/');
  // Past a limit of three runs, runs are read only when picked.
  await page.evaluate(() => window.eventlens.settings('ldruns=3'));
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5);
  const requests = watchRequests(page);
  // What the status bar says while the bucket is listed, frame by frame.
  await page.evaluate(() => {
    window.activitySeen = new Set();
    const poll = () => { window.activitySeen.add(window.eventlens.state().activity); requestAnimationFrame(poll); };
    poll();
  });
  await page.evaluate((a) => window.eventlens.open(a), address('lens', 'team/exp1'));
  await page.waitForFunction((n) => window.eventlens.state().runLoading.runs === n, RUNS, { timeout: 30000 });
  await page.waitForTimeout(300);
  let s = await state(page);
  assertEq(s.runLoading.selective, true, 'five runs are past the limit of three');
  assertEq(s.runs.length, 0, 'no run read');
  assertEq(s.problems, [], 'no problems');
  assertEq(s.activity, '', 'the listing is over');
  const said = await page.evaluate(() => [...window.activitySeen].filter((a) => a));
  assert(said.length && said.every((a) => /^Listing s3:\/\/lens\/team\/exp1\/: (0|1,000|1,\d{3}) objects…$/.test(a)),
    `the listing's progress in the status bar: ${JSON.stringify(said)}`);
  const lists = requests.filter((q) => q.list);
  assertEq(lists.length, 2, `two pages of ${FILLER + RUNS + 1} keys`);
  assertEq(requests.filter((q) => !q.list), [], 'no object fetched before a run is picked');
  assert(decodeURIComponent(page.url()).includes('url=' + address('lens', 'team/exp1')),
    `the bucket is in the link: ${page.url()}`);
  await page.screenshot({ path: path.join(OUT, 'bucket-listed.png') });

  assertEq(await page.evaluate(() => window.eventlens.loadRuns('^run_[13]$')), 2, 'runs matched');
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runLoading.read === 2 && !s.loading.active; },
    null, { timeout: 30000 });
  s = await state(page);
  assertEq(s.runs.map((r) => r.name), ['run_1', 'run_3'], 'the runs picked');
  await expectRun(page, 1, STEPS);
  await expectRun(page, 3, STEPS);
  const gets = requests.filter((q) => !q.list);
  assertEq([...new Set(gets.map((q) => q.key))].sort(), [keyOf(1), keyOf(3)], 'only the picked runs were fetched');
  const size = runFile(1, STEPS).length;
  for (const q of gets) assertEq(q.range, `bytes=0-${size - 1}`, `${q.key} read with a Range request`);

  // The run grows (an object written again, longer): a re-check reads the new part only.
  requests.length = 0;
  await put('lens', keyOf(1), runFile(1, STEPS + 5));
  stepsNow[1] = STEPS + 5;
  await page.evaluate(() => window.eventlens.recheck());
  await page.waitForFunction((n) => { const s = window.eventlens.state();
    const r = s.runs.find((x) => x.name === 'run_1'); return r && r.tags.scalars.loss === n && !s.loading.active; },
    STEPS + 5, { timeout: 30000 });
  await expectRun(page, 1, STEPS + 5);
  const grown = requests.filter((q) => !q.list);
  assertEq(grown.map((q) => [q.key, q.range]), [[keyOf(1), `bytes=${size}-${runFile(1, STEPS + 5).length - 1}`]],
    'the grown object is read from where it ended');
  assertEq((await state(page)).runs.length, 2, 'still only the runs picked');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('File > Open address opens a bucket; no CORS, no bucket and a bad address are named, nothing lost', async (browser) => {
  const { page, context } = await openPage(browser, BASE + '/');
  // Through the menu, as a user would: File > Open address..., the address, the endpoint, Enter.
  await page.mouse.click(22, 10);
  await page.waitForTimeout(400);  // a popup's first frame measures it; the next places it
  const item = await page.waitForFunction(() => (window.eventlens.state().lastMenu || [])
    .find((r) => r.label === 'Open address...'), null, { timeout: 10000 });
  const at = await item.jsonValue();
  await page.mouse.click(at.x + 30, at.y + 8);
  await page.waitForFunction(() => window.eventlens.state().openAddressDialog === true, null, { timeout: 10000 });
  await page.waitForTimeout(200);  // the address field takes the keyboard
  await page.keyboard.type(`s3://lens/${PREFIX}`);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(200);  // the endpoint field takes the keyboard on the next frame
  await page.keyboard.type(S3);
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(OUT, 'bucket-open-address.png') });
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => { const s = window.eventlens.state(); return s.runs.length === n && !s.loading.active; },
    RUNS, { timeout: 30000 });
  for (let r = 0; r < RUNS; r++) await expectRun(page, r, stepsNow[r]);

  await page.evaluate((a) => window.eventlens.open(a), address('closed', 'logs'));
  await page.evaluate((a) => window.eventlens.open(a), address('nosuch', 'logs'));
  await page.evaluate(() => window.eventlens.open('s3://lens/logs?endpoint=http%3A%2F%2F127.0.0.1%3A9'));
  await page.evaluate(() => window.eventlens.open('s3:///logs'));
  await page.waitForFunction(() => window.eventlens.state().problems.length >= 4, null, { timeout: 20000 });
  const s = await state(page);
  const find = (file) => (s.problems.find((p) => p.file === file) || {}).message || '';
  const refused = (name) => new RegExp(`^http://127\\.0\\.0\\.1:\\d+ answered, but not to this page: the bucket "${name}" ` +
    `does not exist, or it has no CORS rule letting ${PAGE_ORIGIN.replace(/\./g, '\\.')} list it`);
  const cors = find('s3://closed/logs/');
  assert(refused('closed').test(cors), `no CORS named: ${cors}`);
  assert(cors.includes(`[{"AllowedOrigins":["${PAGE_ORIGIN}"],"AllowedMethods":["GET","HEAD"],"AllowedHeaders":["Range"]`),
    `the CORS rule to add, for this page: ${cors}`);
  // A missing bucket's error has no CORS headers either (S3 and s3rver alike): the same words.
  assert(refused('nosuch').test(find('s3://nosuch/logs/')), `missing bucket named: ${JSON.stringify(s.problems)}`);
  assertEq(find('s3://lens/logs/'), 'the server http://127.0.0.1:9 is unreachable: check the endpoint',
    'a server that is not there');
  assert(/^not a bucket address/.test(find('s3:///logs')), `bad address named: ${JSON.stringify(s.problems)}`);
  assertEq(s.problems.length, 4, 'one problem each');
  assertEq(s.runs.length, RUNS, 'the open bucket stays');
  for (let r = 0; r < RUNS; r++) await expectRun(page, r, stepsNow[r]);
  // The Problems panel, opened from the status bar's badge, shows the rule to add.
  const [bx, by, bw, bh] = (await state(page)).problemsBadge;
  await page.mouse.click(bx + bw / 2, by + bh / 2);
  await page.waitForFunction(() => window.eventlens.state().problemsPanel === true, null, { timeout: 10000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'bucket-problems.png') });
  await context.close();
});

test('a bucket sweep is picked by hparams: 64 KB heads with Range, then only the matching runs', async (browser) => {
  // Four sessions of 4,000 steps (about 130 KB each, past the 64 KB head): lr 0.1 for runs 0 and 2.
  const SWEEP = 'team/sweep/', STEPS4K = 4000;
  const sweepKey = (r) => `${SWEEP}trial_${r}/events.out.tfevents.1700000000.host`;
  const hp = (r) => ({ lr: r % 2 ? 0.01 : 0.1, optimizer: r < 2 ? 'adam' : 'lamb' });
  const files = [0, 1, 2, 3].map((r) => hparamsFile(hp(r), Array.from({ length: STEPS4K }, (_, i) => [i, 'loss', lossOf(r, i)])));
  for (let r = 0; r < 4; r++) await put('lens', sweepKey(r), files[r]);
  assert(files.every((f) => f.length > 65536), 'every file is longer than the head read');
  const { page, context, problems } = await openPage(browser, BASE + '/');
  await page.evaluate(() => window.eventlens.settings('ldruns=3'));
  await page.reload();
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() >= 5);
  const requests = watchRequests(page);
  await page.evaluate((a) => window.eventlens.open(a), address('lens', SWEEP));
  await page.waitForFunction(() => window.eventlens.state().runLoading.runs === 4, null, { timeout: 30000 });
  await page.evaluate(() => window.eventlens.show('hparams'));
  await page.waitForFunction(() => { const s = window.eventlens.state();
    return s.hparamsPeek.done === 4 && s.hparams && s.hparams.sessions.length === 4; }, null, { timeout: 30000 });
  let s = await state(page);
  assertEq(s.hparams.sessions.map((x) => [x.run, x.hparams, x.not_read]),
    [0, 1, 2, 3].map((r) => [`trial_${r}`, hp(r), true]), 'the sessions, from the heads');
  assertEq(requests.filter((q) => !q.list).map((q) => [q.key, q.range]).sort(),
    [0, 1, 2, 3].map((r) => [sweepKey(r), 'bytes=0-65535']), 'one 64 KB Range request per run');
  assertEq(s.runs.length, 0, 'no run read');

  // A double-click on a greyed session reads its run and shows it on Scalars.
  await hparamsFilterBox(page, 'h:lr');  // (the table has settled)
  const row = (await state(page)).hparamsView.page.find((r) => r.run === 'trial_3');
  for (let attempt = 0; attempt < 3; attempt++) {  // a slow frame can split a double click
    await doubleClickAt(page, row.x, row.y);
    if (await page.waitForFunction(() => window.eventlens.state().dashboard === 'scalars', null, { timeout: 3000 })
      .then(() => true, () => false)) break;
  }
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runLoading.read === 1 && !s.loading.active; },
    null, { timeout: 30000 });
  s = await state(page);
  assertEq(s.dashboard, 'scalars', 'the dashboard after a double click');
  assertEq(s.runs.map((r) => r.name), ['trial_3'], 'its run is read');
  assertEq(s.settings.hiddenRuns, ['trial_0', 'trial_1', 'trial_2'], 'the others are hidden');
  await page.evaluate(() => window.eventlens.show('hparams'));

  requests.length = 0;
  const box = await hparamsFilterBox(page, 'h:lr');
  await page.mouse.move(box.x, box.y);  // hovered first: ImGui takes a click on what the last frame hovered
  await page.waitForTimeout(200);
  await page.mouse.click(box.x, box.y);
  await page.keyboard.type('0.1');
  await page.waitForFunction(() => window.eventlens.state().hparamsView.rows.length === 2, null, { timeout: 10000 });
  s = await state(page);
  await page.mouse.click(s.hparamsView.readButton[0], s.hparamsView.readButton[1]);
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runLoading.read === 3 && !s.loading.active; },
    null, { timeout: 30000 });
  s = await state(page);
  assertEq(s.runs.map((r) => r.name), ['trial_0', 'trial_2', 'trial_3'], 'the runs of lr 0.1, and the one double-clicked');
  assertEq([...new Set(requests.filter((q) => !q.list).map((q) => q.key))].sort(), [sweepKey(0), sweepKey(2)],
    'only their objects were fetched');
  for (const r of [0, 2]) {
    const points = await page.evaluate((run) => window.eventlens.series(run, 'loss'), `trial_${r}`);
    assertEq(points.length, STEPS4K, `trial_${r} points`);
    assertEq(points[STEPS4K - 1][2], lossOf(r, STEPS4K - 1), `trial_${r} last loss`);
  }
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

startServer().then(run, (err) => {
  console.log(`not ok - the S3 server\n  ${err.stack}`);
  console.log(JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
});
