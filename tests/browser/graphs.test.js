// Browser tests of the Graphs dashboard:
//   node graphs.test.js BASE_URL OUT_DIR SITE_DIR
// Opens real event files from the corpus (a TF1 FileWriter graph, a Keras
// model, a PyTorch JIT trace) and checks the dashboard against
// tests/data/graph_facts.tsv (tests/tools/graph_facts.py's own decoding);
// then double-clicks a group open, searches a node (its groups open and the
// view centres on it), follows an input from the details panel, traces
// inputs, and saves screenshots to look at.
'use strict';
const fs = require('fs');
const path = require('path');
const { test, run, assert, assertEq, openPage, doubleClickAt } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CORPUS = process.env.EVENTLENS_CORPUS;

const FACTS = fs.readFileSync(path.join(REPO, 'tests/data/graph_facts.tsv'), 'utf8').trim().split('\n').slice(1)
  .map((l) => l.split('\t'))
  .map(([runPath, tag, source, nodes, data, control]) => ({ runPath, tag, source, nodes: +nodes, edges: +data + +control }));
const fact = (runPath, tag) => FACTS.find((f) => f.runPath === runPath && f.tag === tag);

const MNIST = 'realworld/tf1-filewriter/shekkizh__TensorflowProjects/logs/MNIST_logs/run2';
const KERAS = 'realworld/tf2-keras/Alwaysproblem__tensorboard-review/logs_grad/standard/20200408-150751/train';

const state = (page) => page.evaluate(() => window.eventlens.state());

async function openGraphs(page, dir) {
  await page.setInputFiles('#open-folder', path.isAbsolute(dir) ? dir : path.join(CORPUS, dir));
  await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
    null, { timeout: 60000 });
  await page.evaluate(() => window.eventlens.show('graphs'));
  await page.waitForFunction(() => { const g = window.eventlens.state().graphView; return g.nodes > 0 || g.error || g.note; },
    null, { timeout: 30000 });
  await page.waitForTimeout(300);
  return state(page);
}

async function doubleClick(page, box) {
  await doubleClickAt(page, box.x + Math.min(40, box.w / 2), box.y + box.h / 2);
  await page.waitForTimeout(300);
}

// Double-clicks a group until it is open. On a loaded machine a frame can
// outlast ImGui's double-click time, so the two clicks count as singles
// (which do not toggle anything); a person would simply click again.
async function openGroup(page, box) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await doubleClick(page, box);
    const g = (await state(page)).graphView;
    if (g.expanded.includes(box.name)) return g;
  }
  return (await state(page)).graphView;
}

test('a TF1 graph opens with the node and edge counts of the independent decoder, groups collapsed', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE);
  const s = await openGraphs(page, path.dirname(MNIST));
  const g = s.graphView;
  const f = fact(MNIST, '__run_graph__');
  assertEq(g.run, 'run2', 'the only run with a graph');
  assertEq(g.source, 'op graph', 'Event.graph_def');
  assertEq(g.nodes, f.nodes, 'nodes');
  assertEq(g.edges, f.edges, 'edges');
  assertEq(g.expanded.length, 0, 'everything starts collapsed');
  const groups = g.boxes.filter((b) => b.kind === 'group');
  assert(groups.length >= 3, `top-level groups on screen: ${groups.map((b) => b.name)}`);
  for (const b of g.boxes) assert(!b.name.includes('/'), `only top-level items at first: ${b.name}`);
  await page.screenshot({ path: path.join(OUT, 'graphs-tf1-top.png') });
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('double-clicking a group opens it; search opens the way to a node and centres it; inputs are links', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE);
  let g = (await openGraphs(page, path.dirname(MNIST))).graphView;
  // The group with the most ops on screen.
  const group = g.boxes.filter((b) => b.kind === 'group').sort((a, b) => b.w * b.h - a.w * a.h)[0];
  g = await openGroup(page, group);
  assert(g.expanded.includes(group.name), `${group.name} expanded: ${g.expanded}`);
  assert(g.boxes.some((b) => b.name.startsWith(group.name + '/')), 'its children are drawn');
  const opened = g.boxes.find((b) => b.name === group.name);
  assert(opened && opened.expanded && opened.h > group.h * 2, 'the group box grew to hold its children');
  await page.screenshot({ path: path.join(OUT, 'graphs-tf1-expanded.png') });

  // Search: a regex on the op type, Enter goes to the first match.
  await page.evaluate(() => window.eventlens.show('graphs'));
  const sb = g.controls.search;
  await page.mouse.click(sb.x + sb.w / 2, sb.y + sb.h / 2);
  await page.keyboard.type('ApplyGradientDescent|ApplyAdam');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  g = (await state(page)).graphView;
  assert(g.searchTotal >= 1, `matches: ${g.searchTotal}`);
  assert(g.selected !== '', 'a match is selected');
  const parts = g.selected.split('/');
  for (let i = 1; i < parts.length; i++) {
    const scope = parts.slice(0, i).join('/');
    assert(g.expanded.some((e) => e === scope || e.startsWith(scope + '/') || scope.startsWith(e)),
      `the scope ${scope} of ${g.selected} was opened: ${g.expanded}`);
  }
  const sel = g.boxes.find((b) => b.name === g.selected);
  assert(sel, 'the match is on screen');
  const cx = sel.x + sel.w / 2, cy = sel.y + sel.h / 2;
  const cv = g.canvas;
  assert(Math.abs(cx - (cv.x + cv.w / 2)) < 3 && Math.abs(cy - (cv.y + cv.h / 2)) < 3, `centred: ${cx},${cy} in ${JSON.stringify(cv)}`);
  assert(g.inputs.length >= 2, `its inputs are listed: ${g.inputs}`);
  await page.screenshot({ path: path.join(OUT, 'graphs-tf1-search.png') });

  // Trace inputs.
  await page.evaluate(() => window.eventlens.show('graphs'));
  const traceBox = await page.evaluate(() => window.eventlens.state().graphView.tracing);
  assertEq(traceBox, false, 'tracing is off at first');
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('a Keras model from a link: layers as nodes, inbound nodes as edges', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=graphs&grun=.&gtag=keras');
  const g = (await openGraphs(page, KERAS)).graphView;
  const f = fact(KERAS, 'keras');
  assertEq(g.source, 'Keras model', 'the graph_keras_model summary');
  assertEq(g.tag, 'keras', 'the tag named in the link');
  assertEq(g.nodes, f.nodes, 'layers');
  assertEq(g.edges, f.edges, 'connections');
  assertEq(g.boxes.map((b) => b.name).sort(), ['Inputs', 'dense', 'dense_1'], 'the three layers on screen');
  const y = Object.fromEntries(g.boxes.map((b) => [b.name, b.y]));
  assert(y.Inputs < y.dense && y.dense < y.dense_1, 'laid out top to bottom in data order');
  await page.screenshot({ path: path.join(OUT, 'graphs-keras.png') });
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('trace inputs lights the path; colour by device; SVG and PNG exports of what is shown', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE);
  let g = (await openGraphs(page, path.dirname(MNIST))).graphView;
  const click = async (c) => { await page.mouse.click(c.x + c.w / 2, c.y + c.h / 2); await page.waitForTimeout(250); };
  // Select the loss by searching for it, then trace its inputs.
  await click(g.controls.search);
  await page.keyboard.type('^Adam$');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(400);
  g = (await state(page)).graphView;
  assertEq(g.selected, 'Adam', 'the Adam op');
  assert(g.expanded.includes('Adam') && g.inputs.length > 0, 'it sits inside its namesake group, which opened');
  await click(g.controls['Trace inputs']);
  g = (await state(page)).graphView;
  assert(g.tracing, 'tracing on');
  assert(g.traced > 5 && g.traced < g.nodes, `a part of the graph is lit: ${g.traced}`);
  await page.screenshot({ path: path.join(OUT, 'graphs-trace.png') });
  await click(g.controls['Trace inputs']);
  await click(g.controls.device);
  g = (await state(page)).graphView;
  assertEq(g.colorBy, 'device', 'colour by device');
  await page.screenshot({ path: path.join(OUT, 'graphs-device.png') });

  const svgDownload = page.waitForEvent('download');
  await click(g.controls.SVG);
  const svg = fs.readFileSync(await (await svgDownload).path(), 'utf8');
  assert(svg.startsWith('<?xml') && svg.trimEnd().endsWith('</svg>'), 'an SVG document');
  assertEq((svg.match(/<title>/g) || []).length, g.itemsVisible, 'one titled shape per visible item');
  const pngDownload = page.waitForEvent('download');
  await click(g.controls.PNG);
  const png = fs.readFileSync(await (await pngDownload).path());
  assert(Math.abs(png.readUInt32BE(16) - g.canvas.w) <= 1, `PNG width ${png.readUInt32BE(16)} = canvas width ${g.canvas.w}`);
  assert(Math.abs(png.readUInt32BE(20) - g.canvas.h) <= 1, `PNG height ${png.readUInt32BE(20)} = canvas height ${g.canvas.h}`);
  assertEq(problems, [], 'no console errors');
  await context.close();
});

test('a library function opens as its own graph (demo op graph, from a link)', async (browser) => {
  const demo = fs.mkdtempSync(path.join(require('os').tmpdir(), 'el-graph-demo-'));
  require('child_process').execFileSync(path.join(REPO, 'build/native/eventlens'), ['demo', demo]);
  const { page, context, problems } = await openPage(browser, BASE + '/#dash=graphs&grun=.&gfn=scaled_relu');
  const g = (await openGraphs(page, path.join(demo, 'train'))).graphView;
  assertEq(g.function, 'scaled_relu', 'the function named in the link');
  assertEq(g.functions, 1, 'one function in the library');
  // x, scale, relu, mul, y; relu <- x, mul <- relu, mul <- scale, y <- mul.
  assertEq(g.nodes, 5, 'argument, body and result nodes');
  assertEq(g.edges, 4, 'edges inside the function');
  await page.screenshot({ path: path.join(OUT, 'graphs-function.png') });
  assertEq(problems, [], 'no console errors');
  fs.rmSync(demo, { recursive: true, force: true });
  await context.close();
});

test('a PyTorch JIT graph: module scopes as groups, inputs naming absent nodes are counted', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE);
  const dir = 'pytorch-small/train';
  const s = await openGraphs(page, dir);
  const g = s.graphView;
  const f = fact(dir, '__run_graph__');
  assertEq(g.nodes, f.nodes, 'nodes');
  assertEq(g.edges, f.edges, 'edges');
  const g2 = await openGroup(page, g.boxes.find((b) => b.name === 'SmallConvNet'));
  assert(g2.expanded.includes('SmallConvNet'), 'module group opened');
  await page.screenshot({ path: path.join(OUT, 'graphs-pytorch.png') });
  assertEq(problems, [], 'no console errors');
  await context.close();
});

run();
