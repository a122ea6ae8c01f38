// Browser test of the Mesh dashboard:
//   node mesh.test.js BASE_URL OUT_DIR SITE_DIR
// Opens the PyTorch corpus (add_mesh's sphere), the demo logdir (a
// TensorFlow-style torus with two samples and a scene config, a
// tensorboardX-style point cloud) and a file of bad mesh data; checks what
// each card draws against tests/tools/mesh_facts.py (its own decoder),
// orbits, steps, downloads a PLY; screenshots to look at.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, run, assert, assertEq, openPage, decodePng } = require('./harness');
const { meshFile } = require('./events');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

// mesh_facts.py's rows for ROOT: {run, mesh, step, sample, vertices, faces, colors, lo, hi}.
function facts(root) {
  const out = execFileSync('python3', [path.join(REPO, 'tests/tools/mesh_facts.py'), root], { encoding: 'utf8' });
  return out.trim().split('\n').slice(1).map((l) => l.split('\t')).map(([, run, mesh, step, sample, v, f, c, lo, hi]) => ({
    run, mesh, step: +step, sample: +sample, vertices: +v, faces: +f, colors: c === 'True',
    lo: JSON.parse(lo), hi: JSON.parse(hi),
  }));
}

const meshCards = (page) => page.evaluate(() => window.eventlens.state().meshCards);
async function waitReady(page, names, timeout = 30000) {
  await page.waitForFunction((want) => {
    const cards = window.eventlens.state().meshCards || [];
    return want.every((n) => cards.some((c) => c.name === n && c.state === 'ready'));
  }, names, { timeout });
  return meshCards(page);
}
async function loaded(page) {
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
}
const centre = (c) => [(c.rect[0] + c.rect[2]) / 2, (c.rect[1] + c.rect[3]) / 2];

test('the PyTorch sphere: lit triangles with the independent decoder\'s counts; orbit, step keys, PLY', async (browser) => {
  const want = facts(path.join(CORPUS, 'pytorch-small')).filter((f) => f.mesh === 'mesh/sphere');
  assertEq(want.length, 6, 'steps of mesh/sphere in the facts');
  const last = want[want.length - 1];
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=mesh');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await loaded(page);
  let [card] = await waitReady(page, ['mesh/sphere']);
  assertEq([card.run, card.step, card.count, card.position], [last.run, last.step, want.length, want.length - 1],
    'run, newest step, steps');
  assertEq([card.vertices, card.faces, card.colours, card.drawn], [last.vertices, last.faces, last.colors, 'triangles'],
    'vertices, faces, colours');
  assertEq([card.drawnVertices, card.drawnFaces, card.problems], [last.vertices, last.faces, []], 'all of it drawn');
  // The sphere's colours are its normals, (n + 1) x 127.5. At the view's
  // centre the near side faces the eye, lit head-on: the pixel is the colour
  // of the normal towards the eye (the far side's would be its opposite).
  const shot = decodePng(await page.screenshot({ path: path.join(OUT, 'mesh-sphere.png') }));
  const [cx, cy] = centre(card).map(Math.round);
  const at = (cy * shot.width + cx) * shot.channels;
  const pixel = [0, 1, 2].map((k) => shot.pixels[at + k]);
  const { yaw, pitch } = card.camera;
  const eye = [Math.cos(pitch) * Math.sin(yaw), Math.sin(pitch), Math.cos(pitch) * Math.cos(yaw)];
  const expected = eye.map((n) => (n + 1) * 127.5);
  assert(pixel.every((v, k) => Math.abs(v - expected[k]) < 40),
    `the near side is drawn, lit head-on: pixel ${pixel}, the normal towards the eye ${expected.map(Math.round)}`);

  // Orbit: a drag turns the camera; the mesh is still drawn.
  const [x, y] = centre(card);
  const before = card.camera;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + 15 * i, y + 4 * i);
  await page.mouse.up();
  card = (await meshCards(page))[0];
  assert(Math.abs(card.camera.yaw - before.yaw) > 0.5, `yaw turned: ${before.yaw} -> ${card.camera.yaw}`);
  assert(card.camera.pitch !== before.pitch, 'pitch turned');
  await page.screenshot({ path: path.join(OUT, 'mesh-sphere-orbit.png') });

  // Home on the card under the mouse: the first step, read and put together.
  await page.keyboard.press('Home');
  await page.waitForFunction(() => { const c = window.eventlens.state().meshCards[0]; return c.position === 0 && c.state === 'ready'; },
    null, { timeout: 10000 });
  card = (await meshCards(page))[0];
  assertEq(card.step, want[0].step, 'first step');

  // The card menu downloads the shown step as PLY: its vertices are the step's, exactly.
  let download = null;
  for (let attempt = 0; attempt < 3 && !download; attempt++) {
    const wait = page.waitForEvent('download', { timeout: 8000 }).catch(() => null);
    await page.mouse.click(card.rect[2] - 13, card.rect[1] - 17);  // the "..." button
    // The item by its label, where the menu drew it (state().lastMenu): after a moment, as a
    // popup's first frame measures it, and the next moves it clear of the window's edge.
    await page.waitForTimeout(400);
    const label = 'Download PLY of this step';
    const shown = await page.waitForFunction((l) => (window.eventlens.state().lastMenu || []).find((r) => r.label === l),
      label, { timeout: 5000 }).then((h) => h.jsonValue()).catch(() => null);
    if (shown) await page.mouse.click(shown.x + 30, shown.y + 6);
    download = await wait;
    if (!download) await page.keyboard.press('Escape');
  }
  assert(download, 'a PLY was downloaded');
  assertEq(download.suggestedFilename(), 'train_mesh_sphere_step0.ply', 'file name');
  const ply = fs.readFileSync(await download.path(), 'utf8').split('\n');
  const end = ply.indexOf('end_header');
  assert(ply.includes(`element vertex ${want[0].vertices}`) && ply.includes(`element face ${want[0].faces}`), 'counts');
  const verts = ply.slice(end + 1, end + 1 + want[0].vertices).map((l) => l.split(' ').map(Number));
  const lo = [0, 1, 2].map((k) => Math.min(...verts.map((v) => v[k])));
  const hi = [0, 1, 2].map((k) => Math.max(...verts.map((v) => v[k])));
  assertEq([lo, hi], [want[0].lo, want[0].hi], 'the PLY\'s bounds are the step\'s');
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('demo: a TensorFlow-style torus (2 samples, camera from its config) and a tensorboardX-style point cloud', async (browser) => {
  const demo = fs.mkdtempSync(path.join(os.tmpdir(), 'el-mesh-demo-'));
  execFileSync(path.join(REPO, 'build/native/eventlens'), ['demo', demo]);
  const want = facts(demo);
  const torus = want.filter((f) => f.mesh === 'mesh/torus' && f.step === 2000);
  const spiral = want.filter((f) => f.mesh === 'points/spiral' && f.step === 2000);
  assertEq([torus.length, spiral.length], [2, 1], 'samples in the facts');
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=mesh&tags=torus%7Cspiral');
  await page.setInputFiles('#open-folder', demo);
  await loaded(page);
  let cards = await waitReady(page, ['mesh/torus', 'points/spiral']);
  for (const f of torus) {
    const c = cards.find((k) => k.name === 'mesh/torus' && k.sample === f.sample);
    assert(c, `torus sample ${f.sample} drawn`);
    assertEq([c.vertices, c.faces, c.colours, c.drawn, c.drawnFaces], [f.vertices, f.faces, true, 'triangles', f.faces],
      `torus sample ${f.sample}`);
    assert(Math.abs(c.camera.fovDegrees - 60) < 1e-3, `the config's field of view: ${c.camera.fovDegrees}`);
  }
  const cloud = cards.find((k) => k.name === 'points/spiral');
  assertEq([cloud.vertices, cloud.faces, cloud.colours, cloud.drawn], [spiral[0].vertices, 0, true, 'points'], 'point cloud');
  assert(cloud.pointPx > 1 && cloud.pointPx < 24, `points sized from the config's world size: ${cloud.pointPx} px`);
  assertEq(await page.evaluate(() => window.eventlens.state().meshIgnoredConfig),
    ['lights', 'material.metalness', 'material.roughness'], 'what the configs give that is not used, said once');
  await page.screenshot({ path: path.join(OUT, 'mesh-demo.png') });
  await context.close();

  // Flat shading with the wireframe, dark background, linked cameras (from a link).
  const second = await openPage(browser, BASE + '/#dash=mesh&tags=torus&mshade=flat&mwire=1&mbg=dark&mlink=1');
  await second.page.setInputFiles('#open-folder', demo);
  await loaded(second.page);
  cards = await waitReady(second.page, ['mesh/torus']);
  const [x, y] = centre(cards[0]);
  await second.page.mouse.move(x, y);
  await second.page.mouse.down();
  for (let i = 1; i <= 8; i++) await second.page.mouse.move(x - 12 * i, y);
  await second.page.mouse.up();
  cards = await meshCards(second.page);
  assert(cards.length === 2 && cards.every((c) => c.linkedCamera), 'both cards use the linked camera');
  assertEq(cards[1].camera, cards[0].camera, 'orbiting one card turned the other');
  await second.page.screenshot({ path: path.join(OUT, 'mesh-torus-wireframe.png') });
  assertEq([...problems, ...second.problems], [], 'console errors/warnings');
  await second.context.close();
  fs.rmSync(demo, { recursive: true });
});

test('bad mesh data is named on the card and what is valid is drawn', async (browser) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'el-mesh-bad-'));
  fs.mkdirSync(path.join(dir, 'run'));
  // Vertex 2 is NaN, face 3 names vertex 7 of 4, and the colours are for 3 vertices.
  fs.writeFileSync(path.join(dir, 'run', 'events.out.tfevents.1.host'), meshFile('bad/mesh', 5, [
    [1, [0, 0, 0, 1, 0, 0, NaN, 0, 0, 0, 1, 0]],
    [2, [0, 1, 3, 0, 2, 3, 0, 1, 7]],
    [3, [255, 0, 0, 0, 255, 0, 0, 0, 255]]]));
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=mesh');
  await page.setInputFiles('#open-folder', dir);
  await loaded(page);
  const [card] = await waitReady(page, ['bad/mesh']);
  assertEq([card.vertices, card.faces, card.drawnVertices, card.drawnFaces, card.colours], [4, 3, 3, 1, false],
    'the valid part is drawn');
  assertEq(card.problems, [
    '1 of 4 vertices are NaN or infinite (left out, with their faces)',
    'the colours are shaped [1, 3, 3] but the vertices [1, 4, 3] (colours left out)',
    '1 of 3 faces use a vertex index outside 0..3 (up to 7): left out'], 'each problem named');
  await page.mouse.move(card.rect[0] + 30, card.rect[1] + 14);  // the "3 problems" badge
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(OUT, 'mesh-bad.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
  fs.rmSync(dir, { recursive: true });
});

run();
