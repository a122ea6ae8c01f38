// Browser tests of the Projector:
//   node projector.test.js BASE_URL OUT_DIR SITE_DIR
// Opens each corpus folder of embeddings (PyTorch with a sprite sheet and no
// event file, two tags with metadata, tensorboardX's appended config, a TF1
// Saver checkpoint with a mismatched word list, a tf.keras checkpoint) and
// checks shapes against tests/data/embedding_facts.tsv and the PCA's variance
// shares against tests/data/pca_facts.tsv (both from independent decoders);
// then colours by a column, searches, hovers and clicks a point (its
// neighbours equal a brute-force computation here), and saves and reloads
// bookmarks. Screenshots are saved to look at.
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
const CORPUS = process.env.EVENTLENS_CORPUS;

const tsv = (file) => fs.readFileSync(path.join(REPO, 'tests/data', file), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t'));
const FACTS = tsv('embedding_facts.tsv').map(([dir, name, rows, dims]) => ({ dir, name, rows: +rows, dims: +dims }));
const PCA = tsv('pca_facts.tsv').map(([dir, name, sphereize, k, shares]) =>
  ({ dir, name, sphereize: sphereize === '1', shares: shares.split(',').map(Number) }));

const state = (page) => page.evaluate(() => window.eventlens.state());
const projector = async (page) => (await state(page)).projector;

async function openFolder(page, dir) {
  await page.setInputFiles('#open-folder', dir);
  await page.evaluate(() => window.eventlens.show('projector'));
  await page.waitForFunction(() => {
    const p = window.eventlens.state().projector;
    return p && (p.status === 'ready' || p.status === 'error') && p.drawn >= 0;
  }, null, { timeout: 60000 });
  await page.waitForTimeout(300);
  return projector(page);
}

async function settings(page, text) {
  await page.evaluate((t) => window.eventlens.settings(t), text);
  await page.waitForTimeout(250);
  return projector(page);
}

async function pick(page, embedding) {
  const p = await settings(page, 'pemb=' + encodeURIComponent(embedding));
  await page.waitForFunction((k) => { const q = window.eventlens.state().projector; return q.embedding === k && q.status === 'ready'; },
    embedding, { timeout: 60000 });
  await page.waitForTimeout(200);
  return projector(page);
}

const click = async (page, c) => { await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2); await page.waitForTimeout(250); };
const control = (p, name) => { const c = p.controls.find((x) => x.name === name); assert(c, `control ${name}`); return c; };

test('every corpus folder shows its embeddings with the shapes and PCA of the independent decoders', async (browser) => {
  const dirs = [...new Set(FACTS.map((f) => f.dir))];
  for (const dir of dirs) {
    const { page, context, problems } = await openPage(browser, BASE);
    let p = await openFolder(page, path.join(CORPUS, dir));
    const facts = FACTS.filter((f) => f.dir === dir);
    console.log('  # ' + dir + ': ' + JSON.stringify(p.list) + ' ' + p.status);
    assertEq(p.embeddings, facts.length, `${dir}: embeddings listed`);
    for (const f of facts) {
      // Keys are run\tname\tstep.
      const wanted = p.list.find((k) => k.split('\t')[1] === f.name);
      assert(wanted, `${f.name} is listed`);
      if (wanted !== p.embedding) p = await pick(page, wanted);
      assertEq(p.status, 'ready', `${dir} ${f.name}: ${p.error}`);
      assertEq([p.points, p.dims], [f.rows, f.dims], `${dir} ${f.name}: shape`);
      assertEq(p.drawn, f.rows, 'every point drawn');
      const pca = PCA.find((x) => x.dir === dir && x.name === f.name && x.sphereize === p.sphereized);
      if (pca) {
        assertEq(p.variance.length, pca.shares.length, 'components');
        p.variance.forEach((v, i) => assert(Math.abs(v - pca.shares[i]) < 1e-4, `share ${i}: ${v} vs ${pca.shares[i]}`));
      }
      if (dir === 'projector/tf1-saver-checkpoint') assert(p.note.includes('88588'), `the word list mismatch is said: ${p.note}`);
    }
    await page.screenshot({ path: path.join(OUT, `projector-${dir.split('/').pop()}.png`) });
    const s = await state(page);
    assertEq(s.problems.filter((x) => x.kind === 'embedding'), [], `${dir}: no problems`);
    assertEq(problems, [], 'no console errors');
    await context.close();
  }
});

// Brute-force cosine neighbours over the TSV, as the test reads it.
function cosineNeighbours(rows, i, k) {
  const norm = (v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const a = rows[i], na = norm(a);
  return rows.map((b, j) => ({ index: j, distance: 1 - a.reduce((s, x, d) => s + x * b[d], 0) / (na * norm(b)) }))
    .filter((n) => n.index !== i).sort((x, y) => x.distance - y.distance || x.index - y.index).slice(0, k);
}

test('colour by a column, search, hover and click a point: its neighbours are the brute-force ones', async (browser) => {
  const dir = path.join(CORPUS, 'projector/tensorboardx-appended');
  const { page, context, problems } = await openPage(browser, BASE);
  let p = await openFolder(page, dir);
  assertEq(p.embedding.split('\t')[1], 'default:00001', 'the first embedding');
  p = await settings(page, 'pcolor=label&plabel=label');
  assertEq(p.colorBy, 'label', 'coloured by the label column');
  assertEq(p.legend, 10, 'ten digits in the legend');
  p = await settings(page, 'psearch=' + encodeURIComponent('tensor(3)'));
  assertEq(p.matches, 20, 'grep -c "tensor(3)" metadata.tsv');
  assertEq(p.selected.length, 20, 'search selects what it finds');
  await page.screenshot({ path: path.join(OUT, 'projector-search.png') });
  p = await settings(page, 'psearch=');
  assertEq(p.selected.length, 0, 'clearing the search clears the selection');

  // A point standing apart on screen (no other within 10 px): hover, then click it.
  const xy = [];
  for (let i = 0; i < p.points; i++) xy.push([p.screen[2 * i], p.screen[2 * i + 1]]);
  const alone = xy.findIndex(([x, y], i) => x > p.view[0] + 20 && y > p.view[1] + 20 &&
    xy.every(([u, v], j) => j === i || Math.hypot(u - x, v - y) > 10));
  assert(alone >= 0, 'some point stands apart');
  await page.mouse.move(xy[alone][0], xy[alone][1]);
  await page.waitForTimeout(300);
  p = await projector(page);
  assertEq(p.hovered, alone, 'the point under the mouse');
  const labels = fs.readFileSync(path.join(dir, '00001/default/metadata.tsv'), 'utf8').split('\n');
  assertEq(p.hoveredRow.label, labels[alone], 'its metadata row');
  await page.mouse.click(xy[alone][0], xy[alone][1]);
  await page.waitForTimeout(300);
  p = await projector(page);
  assertEq(p.selected, [alone], 'clicked point selected');
  const rows = fs.readFileSync(path.join(dir, '00001/default/tensors.tsv'), 'utf8').trim().split('\n')
    .map((l) => l.split('\t').map(Number));
  const want = cosineNeighbours(rows, alone, 10);
  assertEq(p.neighbors.map((n) => n.index), want.map((n) => n.index), 'the 10 nearest by cosine');
  p.neighbors.forEach((n, k) => assert(Math.abs(n.distance - want[k].distance) < 1e-4, `distance ${k}`));
  await page.screenshot({ path: path.join(OUT, 'projector-neighbours.png') });
  // A neighbour in the list is a link to it.
  await click(page, control(p, 'neighbor ' + want[0].index));
  p = await projector(page);
  assertEq(p.selected, [want[0].index], 'clicking a neighbour selects it');
  // Euclidean neighbours from the link.
  p = await settings(page, 'pdist=euclidean&pk=5');
  assertEq(p.neighbors.length, 5, 'k = 5');
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('bookmarks: saved in TensorBoard\'s format, loaded from a config\'s bookmarks_path, restored by a click', async (browser) => {
  const src = path.join(CORPUS, 'projector/tensorboardx-appended/00001/default');
  const { page, context, problems } = await openPage(browser, BASE);
  let p = await openFolder(page, path.dirname(path.dirname(src)));
  p = await settings(page, 'pcolor=label&psearch=' + encodeURIComponent('tensor(6)'));
  assertEq(p.selected.length, 18, 'tensor(6) selected');
  await click(page, control(p, 'add bookmark'));
  p = await projector(page);
  assertEq(p.bookmarks, 1, 'one bookmark');
  // On a loaded machine a click can land while the panel still moves: the
  // button is read from state() again and clicked again (up to 3 times).
  let download = null;
  for (let attempt = 0; attempt < 3 && !download; attempt++) {
    const wait = page.waitForEvent('download', { timeout: 10000 }).catch(() => null);
    p = await projector(page);
    await click(page, control(p, 'save bookmarks'));
    download = await wait;
  }
  assert(download, 'the bookmarks were downloaded');
  const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assertEq(json.length, 1, 'one state');
  assertEq(json[0].selectedProjection, 'pca', 'projection');
  assertEq(json[0].pcaComponentDimensions, [0, 1, 2], 'components');
  assertEq(json[0].selectedPoints.length, 18, 'selection kept');
  assertEq(json[0].selectedColorOptionName, 'label', 'colouring kept');
  assertEq(json[0].projections.length, 256, 'coordinates for every point');
  assertEq(Object.keys(json[0].projections[0]), ['pca-0', 'pca-1', 'pca-2'], 'named as TensorBoard names them');
  await context.close();

  // A folder whose config names that file: the bookmark is listed, and a click restores the selection.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'el-bookmarks-'));
  for (const f of ['tensors.tsv', 'metadata.tsv']) fs.copyFileSync(path.join(src, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'bookmarks.json'), JSON.stringify(json));
  fs.writeFileSync(path.join(dir, 'projector_config.pbtxt'),
    'embeddings {\n  tensor_name: "digits"\n  tensor_path: "tensors.tsv"\n  metadata_path: "metadata.tsv"\n  bookmarks_path: "bookmarks.json"\n}\n');
  const second = await openPage(browser, BASE);
  p = await openFolder(second.page, dir);
  assertEq(p.bookmarks, 1, 'the bookmark file was read');
  assertEq(p.selected.length, 0, 'nothing selected before');
  await click(second.page, control(p, 'bookmark 0'));
  p = await projector(second.page);
  assertEq(p.selected.slice().sort((a, b) => a - b), json[0].selectedPoints.slice().sort((a, b) => a - b), 'selection restored');
  assertEq(p.colorBy, 'label', 'colouring restored');
  await second.page.screenshot({ path: path.join(OUT, 'projector-bookmark.png') });
  assertEq(problems.concat(second.problems), [], 'no console errors');
  await second.context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('downloads: the projected coordinates with the metadata, the selection, a PNG; a custom projection from a link', async (browser) => {
  const dir = path.join(CORPUS, 'projector/tensorboardx-appended');
  const { page, context, problems } = await openPage(browser, BASE);
  let p = await openFolder(page, dir);
  p = await settings(page, 'psearch=' + encodeURIComponent('tensor(0)'));
  assertEq(p.selected.length, 17, 'tensor(0) selected');
  const fetchDownload = async (item) => {
    await click(page, control(await projector(page), 'download'));
    const d = page.waitForEvent('download');
    await click(page, control(await projector(page), item));
    return fs.readFileSync(await (await d).path());
  };
  const labels = fs.readFileSync(path.join(dir, '00001/default/metadata.tsv'), 'utf8').trim().split('\n');
  const all = (await fetchDownload('download tsv')).toString().trim().split('\n').map((l) => l.split('\t'));
  assertEq(all[0], ['x', 'y', 'z', 'index', 'label'], 'header: the three shown components, then the metadata');
  assertEq(all.length, 257, 'every point');
  all.slice(1).forEach((r, i) => { assertEq(+r[3], i, 'index'); assertEq(r[4], labels[i], 'label'); });
  const sel = (await fetchDownload('download selection')).toString().trim().split('\n').slice(1);
  assertEq(sel.map((r) => r.split('\t')[4]), Array(17).fill('tensor(0)'), 'the selected rows');
  p = await projector(page);
  const png = await fetchDownload('download png');
  assertEq(png.readUInt32BE(0), 0x89504e47, 'a PNG');
  assert(Math.abs(png.readUInt32BE(16) - p.view[2]) <= 1, `PNG width ${png.readUInt32BE(16)} = view width ${p.view[2]}`);
  assert(Math.abs(png.readUInt32BE(20) - p.view[3]) <= 1, `PNG height ${png.readUInt32BE(20)} = view height ${p.view[3]}`);

  // Custom axes from a link: 0s on the left, 1s on the right; 2s down, 3s up.
  p = await settings(page, 'psearch=&pproj=custom&pxl=' + encodeURIComponent('tensor(0)') + '&pxr=' +
    encodeURIComponent('tensor(1)') + '&pyd=' + encodeURIComponent('tensor(2)') + '&pyu=' + encodeURIComponent('tensor(3)'));
  assertEq([p.projection, p.customError, p.threeD], ['custom', '', false], 'a 2-D custom projection');
  const xs = (want) => labels.map((l, i) => [l, p.screen[2 * i]]).filter(([l]) => l === want).map(([, x]) => x);
  const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
  assert(mean(xs('tensor(0)')) < mean(xs('tensor(1)')), 'the 0s are left of the 1s');
  await page.screenshot({ path: path.join(OUT, 'projector-custom.png') });
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('t-SNE runs between frames: progress in state(), the clusters of digits come apart, pause holds it', async (browser) => {
  const dir = path.join(CORPUS, 'projector/tensorboardx-appended');
  const { page, context, problems } = await openPage(browser, BASE);
  await openFolder(page, dir);
  let p = await settings(page, 'pproj=tsne&ptdim=2&pseed=3&piter=600&pcolor=label');
  assertEq(p.projection, 'tsne', 't-SNE chosen from the link');
  // It advances over frames: some iterations now, more a moment later.
  await page.waitForFunction(() => window.eventlens.state().projector.tsne.iteration > 20, null, { timeout: 60000 });
  const early = (await projector(page)).tsne.iteration;
  await page.waitForFunction((n) => window.eventlens.state().projector.tsne.iteration > n + 50, early, { timeout: 60000 });
  await page.waitForFunction(() => window.eventlens.state().projector.tsne.iteration >= 600, null, { timeout: 120000 });
  p = await projector(page);
  assertEq(p.tsne.iteration, 600, 'stops at the iteration count');
  assertEq(p.tsne.running, false, 'and stops running');
  assert(p.tsne.kl > 0 && p.tsne.kl < 3, `a KL divergence is reported: ${p.tsne.kl}`);
  assertEq(p.threeD, false, '2-D from the link');
  // Digits of a kind sit together: a 10-nearest-neighbour vote on the screen positions is mostly right.
  const labels = fs.readFileSync(path.join(dir, '00001/default/metadata.tsv'), 'utf8').trim().split('\n');
  const xy = labels.map((_, i) => [p.screen[2 * i], p.screen[2 * i + 1]]);
  let right = 0;
  xy.forEach(([x, y], i) => {
    const near = xy.map(([u, v], j) => [Math.hypot(u - x, v - y), j]).filter(([, j]) => j !== i)
      .sort((a, b) => a[0] - b[0]).slice(0, 10);
    const votes = {};
    for (const [, j] of near) votes[labels[j]] = (votes[labels[j]] || 0) + 1;
    const best = Object.entries(votes).sort((a, b) => b[1] - a[1])[0][0];
    if (best === labels[i]) right++;
  });
  assert(right / labels.length > 0.8, `digits cluster in the layout: ${right} of ${labels.length} by their neighbours`);
  await page.screenshot({ path: path.join(OUT, 'projector-tsne.png') });
  // The same seed from the link gives the same layout.
  const first = p.screen.slice(0, 40);
  p = await settings(page, 'pseed=4');
  p = await settings(page, 'pseed=3');
  await page.waitForFunction(() => window.eventlens.state().projector.tsne.iteration >= 600, null, { timeout: 120000 });
  await page.waitForTimeout(300);
  p = await projector(page);
  assertEq(p.screen.slice(0, 40), first, 'same seed, same layout');
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('UMAP runs between frames: progress, pause and resume, the digits come apart, the same layout as the CLI', async (browser) => {
  const dir = path.join(CORPUS, 'projector/tensorboardx-appended');
  const { page, context, problems } = await openPage(browser, BASE);
  await openFolder(page, dir);
  let p = await settings(page, 'pproj=umap&ptdim=2&pseed=3&pcolor=label');
  assertEq([p.projection, p.layout.method], ['umap', 'umap'], 'UMAP chosen from the link');
  await page.waitForFunction(() => window.eventlens.state().projector.layout.iteration > 10, null, { timeout: 60000 });
  p = await projector(page);
  assertEq([p.layout.phase, p.layout.total, p.layout.exactNeighbours, p.layout.neighbours], ['iterating', 500, true, 14],
    "umap-js's 500 epochs for 256 points, from each point's 14 exact nearest neighbours");
  // Pause holds the layout; Resume goes on.
  await click(page, control(p.layout, 'pause'));
  p = await projector(page);
  const held = p.layout.iteration;
  assert(p.layout.paused && !p.layout.running, 'paused');
  await page.waitForTimeout(700);
  assertEq((await projector(page)).layout.iteration, held, 'no epochs while paused');
  await click(page, control(p.layout, 'resume'));
  await page.waitForFunction((n) => window.eventlens.state().projector.layout.iteration > n, held, { timeout: 60000 });
  await page.waitForFunction(() => window.eventlens.state().projector.layout.iteration >= 500, null, { timeout: 120000 });
  await page.waitForTimeout(300);
  p = await projector(page);
  assertEq([p.layout.iteration, p.layout.running], [500, false], 'stops after the last epoch');
  // Digits of a kind sit together.
  const labels = fs.readFileSync(path.join(dir, '00001/default/metadata.tsv'), 'utf8').trim().split('\n');
  assertEq(p.points, labels.length, 'every point laid out');
  const xy = labels.map((_, i) => [p.screen[2 * i], p.screen[2 * i + 1]]);
  const nearest = (pts, i, k) => pts.map(([u, v], j) => [Math.hypot(u - pts[i][0], v - pts[i][1]), j])
    .filter(([, j]) => j !== i).sort((a, b) => a[0] - b[0]).slice(0, k).map(([, j]) => j);
  let right = 0;
  xy.forEach((_, i) => {
    const votes = {};
    for (const j of nearest(xy, i, 10)) votes[labels[j]] = (votes[labels[j]] || 0) + 1;
    if (Object.entries(votes).sort((a, b) => b[1] - a[1])[0][0] === labels[i]) right++;
  });
  assert(right / labels.length > 0.9, `digits cluster in the layout: ${right} of ${labels.length} by their neighbours`);
  await page.screenshot({ path: path.join(OUT, 'projector-umap.png') });
  // The page's layout is the CLI's (native code, the same seed): each point's 10 nearest on screen
  // are its 10 nearest in the CLI's coordinates (the view only shifts and scales them).
  const tsvOut = path.join(os.tmpdir(), `el-umap-${process.pid}.tsv`);
  execFileSync(path.join(REPO, 'build/native/eventlens'),
    ['project', dir, '--embedding', 'default:00001', '--method', 'umap', '--dims', '2', '--seed', '3', '--out', tsvOut],
    { stdio: 'ignore' });
  const cli = fs.readFileSync(tsvOut, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t').slice(0, 2).map(Number));
  fs.rmSync(tsvOut, { force: true });
  let same = 0;
  for (let i = 0; i < 200; i++) {
    const a = nearest(xy, i, 10), b = new Set(nearest(cli, i, 10));
    same += a.filter((j) => b.has(j)).length;
  }
  assert(same / 2000 > 0.97, `the page's neighbours are the CLI's: ${same} of 2000`);
  // Switching to t-SNE and back shows the kept UMAP layout at once.
  await settings(page, 'pproj=tsne&piter=50');
  await page.waitForFunction(() => window.eventlens.state().projector.tsne.iteration >= 50, null, { timeout: 60000 });
  p = await settings(page, 'pproj=umap');
  assertEq([p.layout.iteration, p.screen.slice(0, 20)], [500, xy.slice(0, 10).flat()], 'the UMAP layout was kept');
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('the demo logdir (what ./scripts/serve shows first) has an embedding beside its runs', async (browser) => {
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'el-demo-'));
  execFileSync(path.join(REPO, 'build/native/eventlens'), ['demo', demo]);
  const { page, context, problems } = await openPage(browser, BASE);
  const p0 = await openFolder(page, demo);
  assertEq([p0.embeddings, p0.points, p0.dims], [1, 600, 32], 'word_vectors: 600 x 32');
  const p = await settings(page, 'pcolor=group');
  assertEq(p.legend, 6, 'six groups');
  const s = await state(page);
  assert(s.runs.length >= 5, 'the runs are there too');
  await page.screenshot({ path: path.join(OUT, 'projector-demo.png') });
  assertEq(problems, [], 'no console errors');
  await context.close();
  fs.rmSync(demo, { recursive: true, force: true });
});

// A static server for `dir` on a free port, answering other origins (as GitHub Pages does).
async function serve(dir) {
  const portFile = path.join(os.tmpdir(), `el-projector-port-${process.pid}`);
  fs.rmSync(portFile, { force: true });
  const proc = spawn('python3', [path.join(REPO, 'scripts/http_server.py'), '--root', dir, '--port', '0',
    '--port-file', portFile, '--cors'], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
  return { url: `http://127.0.0.1:${fs.readFileSync(portFile, 'utf8').trim()}`, stop: () => proc.kill() };
}

test('a published site carries the embeddings: the page opens them from its manifest, over HTTP', async (browser) => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'el-published-'));
  const said = execFileSync(path.join(REPO, 'build/native/eventlens'),
    ['publish', path.join(CORPUS, 'projector/pytorch-sprite'), site, '--site', SITE]).toString();
  assert(/and 3 files of embeddings/.test(said), `publish said: ${said}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'manifest.json'), 'utf8'));
  assertEq(manifest.files.filter((f) => f.other).map((f) => f.path).sort(),
    ['00000/default/sprite.png', '00000/default/tensors.tsv', 'projector_config.pbtxt'], 'the Projector\'s files, marked');
  const host = await serve(site);
  const { page, context, problems } = await openPage(browser, `${BASE}/?manifest=${encodeURIComponent(host.url + '/manifest.json')}`);
  await page.waitForFunction(() => { const p = window.eventlens.state().projector; return p && p.status === 'ready'; },
    null, { timeout: 60000 });
  const s = await state(page);
  assertEq(s.dashboard, 'projector', 'with no event files, the Projector is what opens');
  assertEq([s.projector.points, s.projector.dims], [500, 32], 'tests/data/embedding_facts.tsv');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'projector-published.png') });
  assertEq(problems, [], 'no console errors');
  await context.close();
  host.stop();
  fs.rmSync(site, { recursive: true, force: true });
});

run();
