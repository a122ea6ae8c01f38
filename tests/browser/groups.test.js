// Browser tests of what goes beyond TensorBoard on scalar cards:
//   node groups.test.js BASE_URL OUT_DIR SITE_DIR
// Run groups (seeds of a config) drawn as a mean line with a band, whose
// downloaded aggregate equals `eventlens export --group` on the same files
// (itself checked against NumPy by scripts/test); pinned cards reordered by
// drag, kept over a reload and in a link. Screenshots to look at.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test, run, assert, assertEq, openPage, decodePng, nextFrame } = require('./harness');

const BASE = process.argv[2];
const OUT = process.argv[3];
fs.mkdirSync(OUT, { recursive: true });
const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'build/native/eventlens');
const GROUP_RE = '(.*)/seed_\\d+';

// `eventlens demo --seeds`: 3 configs x 5 seeds, unequal lengths, unaligned steps.
const SEEDS = fs.mkdtempSync(path.join(os.tmpdir(), 'el-seeds-'));
execFileSync(CLI, ['demo', SEEDS, '--seeds']);

async function loaded(page, runs) {
  await page.waitForFunction((n) => {
    const s = window.eventlens.state();
    return s.runs.length >= n && !s.loading.active && (s.scalarCards || []).length > 0;
  }, runs, { timeout: 60000 });
  return page.evaluate(() => window.eventlens.state());
}

// Opens the scalar card's "..." menu and clicks the item labelled `label`.
// The card's place is read afresh for each try: a card that was just pinned,
// or a section that just appeared, moves the cards in the next frame.
async function clickMenu(page, card, label) {
  for (let attempt = 0; ; attempt++) {
    await page.waitForTimeout(200);
    const now = (await page.evaluate(() => window.eventlens.state().scalarCards)).find((c) => c.tag === card.tag);
    await page.mouse.click(now.rect[0] + now.rect[2] - 25, now.rect[1] - 17);
    await page.waitForTimeout(400);  // a popup's first frame measures it; the next places it
    const opened = await page.waitForFunction((l) => (window.eventlens.state().lastMenu || []).some((r) => r.label === l),
      label, { timeout: 3000 }).then(() => true, () => false);
    if (opened) break;
    if (attempt === 2) throw new Error(`the menu of ${card.tag} did not open with "${label}"`);
    await page.keyboard.press('Escape');
  }
  const row = (await page.evaluate(() => window.eventlens.state().lastMenu)).find((r) => r.label === label);
  await page.mouse.click(row.x + 30, row.y + 6);
}

// The same, returning the download it starts.
async function menuDownload(page, card, label) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const wait = page.waitForEvent('download', { timeout: 8000 }).catch(() => null);
    await clickMenu(page, card, label);
    const d = await wait;
    if (d) return d;
    await page.keyboard.press('Escape');
  }
  return null;
}

test('run groups: mean with a band per config, n in the tooltip, and the aggregate equals the CLI', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#smoothing=0&group=re:' +
    encodeURIComponent(GROUP_RE));
  await page.setInputFiles('#open-folder', SEEDS);
  let state = await loaded(page, 15);
  const groups = state.runGroups.groups;
  assertEq(groups.map((g) => g.name), ['cfg_a', 'cfg_b', 'cfg_c'], 'three configs');
  for (const g of groups) assertEq(g.runs.length, 5, `${g.name}: five seeds`);
  const card = state.scalarCards[0];
  assertEq(card.groupLines.length, 3, 'one line per group');
  for (const l of card.groupLines) {
    assert(l.band, `${l.label} has a band`);
    assertEq(l.members, 5, `${l.label} aggregates its five seeds`);
  }
  await page.mouse.move(card.rect[0] + card.rect[2] * 0.5, card.rect[1] + card.rect[3] * 0.5);
  await page.waitForTimeout(400);
  // Moving the cursor over the chart redraws its lines and bands from the GPU: nothing is rebuilt.
  const builds = (await page.evaluate(() => window.eventlens.state())).scalarCards[0].geometryBuilds;
  assert(builds > 0, `the chart's lines were built (${builds})`);
  for (let i = 0; i < 6; i++) {
    await page.mouse.move(card.rect[0] + card.rect[2] * (0.3 + 0.08 * i), card.rect[1] + card.rect[3] * 0.5);
    await nextFrame(page);
  }
  assertEq((await page.evaluate(() => window.eventlens.state())).scalarCards[0].geometryBuilds, builds,
    'hovering builds no geometry');
  const shot = decodePng(await page.screenshot({ path: path.join(OUT, 'groups-mean-band.png') }));
  // The lines and bands are there: in a strip left of the tooltip, some pixels hold group colours
  // (8 % when this was written); the background, grid and labels are grey (none would).
  let coloured = 0, total = 0;
  for (let y = Math.round(card.rect[1] + 40); y < card.rect[1] + card.rect[3] - 40; y++) {
    for (let x = Math.round(card.rect[0] + card.rect[2] * 0.2); x < card.rect[0] + card.rect[2] * 0.28; x++) {
      const o = (y * shot.width + x) * shot.channels, px = shot.pixels;
      if (Math.max(px[o], px[o + 1], px[o + 2]) - Math.min(px[o], px[o + 1], px[o + 2]) > 40) coloured++;
      total++;
    }
  }
  assert(coloured > total * 0.03, `group colours in the plot: ${coloured} of ${total} pixels`);

  // The group aggregate download equals `eventlens export --group` for this tag.
  const download = await menuDownload(page, card, 'Download group aggregates (CSV)');
  assert(download, 'the group aggregate CSV was downloaded');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const cli = execFileSync(CLI, ['export', SEEDS, '--group', GROUP_RE, '--format', 'csv', '--reduce',
    'mean,std,sem,min,max,median'], { encoding: 'utf8' });
  const want = cli.split('\n').filter((l, i) => i === 0 || l.split(',')[1] === card.tag);
  assert(want.length > 30, `the CLI's rows for ${card.tag}: ${want.length}`);
  assertEq(csv.trim().split('\n').sort(), want.filter((l) => l).sort(), 'the card\'s aggregate equals the CLI\'s');

  // Median with min-max, members faintly: a screenshot, and the settings in the link.
  await page.evaluate(() => window.eventlens.settings('gline=median&gband=minmax&gmembers=1'));
  await page.waitForTimeout(500);
  state = await page.evaluate(() => window.eventlens.state());
  assertEq([state.settings.groupLine, state.settings.groupBand, state.settings.groupMembers], ['median', 'minmax', true],
    'median, min-max, members');
  assertEq(state.scalarCards[0].lines.length, 3 + 15, 'three group lines and fifteen faint members');
  await page.screenshot({ path: path.join(OUT, 'groups-median-members.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('pins: two cards pinned, reordered by dragging, kept over a reload and in a link', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#smoothing=0');
  await page.setInputFiles('#open-folder', SEEDS);
  let state = await loaded(page, 15);
  const tags = state.scalarCards.map((c) => c.tag);
  assertEq(tags, ['accuracy', 'loss'], 'scalar cards');
  // Pin the second card, then the first.
  for (const tag of [tags[1], tags[0]]) {
    state = await page.evaluate(() => window.eventlens.state());
    await clickMenu(page, state.scalarCards.find((c) => c.tag === tag), 'Pin to the top');
    await page.waitForFunction((t) => window.eventlens.state().settings.pins.includes('scalars\t' + t), tag,
      { timeout: 5000 });
  }
  // (the cards show as pinned from the frame after the setting changed)
  await page.waitForFunction(() => window.eventlens.state().scalarCards.every((c) => c.pinned), null,
    { timeout: 5000 }).catch(() => {});
  state = await page.evaluate(() => window.eventlens.state());
  assertEq(state.settings.pins, ['scalars\t' + tags[1], 'scalars\t' + tags[0]], 'pinned in order');
  assertEq(state.scalarCards.map((c) => [c.tag, c.pinned]), [[tags[1], true], [tags[0], true]],
    'the pinned cards in pin order');
  // Drag the second pinned card's grip onto the first.
  const [a, b] = state.scalarCards;
  await page.mouse.move(b.rect[0] + 16, b.rect[1] - 17);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(b.rect[0] + 16 + (a.rect[0] - b.rect[0]) * i / 10, a.rect[1] + 40);
  await page.mouse.up();
  await page.waitForFunction((t) => window.eventlens.state().settings.pins[0] === 'scalars\t' + t, tags[0],
    { timeout: 5000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, 'pins-reordered.png') });
  const link = await page.evaluate(() => location.hash);
  assert(link.includes('pins='), `the link holds the pins: ${link}`);

  // A reload keeps them (localStorage), in their new order.
  await page.goto(BASE + '/');
  await page.waitForFunction(() => window.eventlens && window.eventlens.isReady(), null, { timeout: 30000 });
  await page.setInputFiles('#open-folder', SEEDS);
  state = await loaded(page, 15);
  assertEq(state.settings.pins, ['scalars\t' + tags[0], 'scalars\t' + tags[1]], 'pins after a reload');
  assertEq(state.scalarCards.map((c) => [c.tag, c.pinned]), [[tags[0], true], [tags[1], true]],
    'pinned cards after a reload');
  await context.close();

  // A fresh browser profile given the link shows the same pins.
  const fresh = await openPage(browser, BASE + '/' + link);
  await fresh.page.setInputFiles('#open-folder', SEEDS);
  state = await loaded(fresh.page, 15);
  assertEq(state.scalarCards.map((c) => [c.tag, c.pinned]), [[tags[0], true], [tags[1], true]],
    'pinned cards from the link');
  assertEq([...problems, ...fresh.problems], [], 'console errors/warnings');
  await fresh.context.close();
});

test('x by another tag: each run\'s loss paired with its accuracy at equal steps; symlog y', async (browser) => {
  const { page, context, problems } = await openPage(browser, BASE + '/#smoothing=0&x=tag&xtag=accuracy&y=symlog');
  await page.setInputFiles('#open-folder', SEEDS);
  const state = await loaded(page, 15);
  assertEq([state.settings.xAxis, state.settings.xTag, state.settings.yScale], ['tag', 'accuracy', 'symlog'],
    'settings from the link');
  const card = state.scalarCards.find((c) => c.tag === 'loss');
  assertEq(card.lineInfo.length, 15, 'a line per run');
  // The join, computed here from the points the page holds: steps both tags have, ordered by accuracy.
  let sorted = false;
  for (const line of card.lineInfo) {
    const loss = await page.evaluate((r) => window.eventlens.series(r, 'loss'), line.label);
    const acc = await page.evaluate((r) => window.eventlens.series(r, 'accuracy'), line.label);
    const accAt = new Map(acc.map((p) => [p[0], p[2]]));
    const xs = loss.filter((p) => accAt.has(p[0])).map((p) => accAt.get(p[0]));
    const order = [...xs].sort((a, b) => a - b);
    sorted = sorted || xs.some((x, i) => x !== order[i]);
    assertEq([line.points, line.xFirst, line.xLast], [xs.length, order[0], order[order.length - 1]],
      `${line.label}: pairs and x range`);
  }
  assertEq(card.xSorted, sorted, 'the card says whether x had to be sorted');
  assertEq(card.xMissing, 0, 'every run has accuracy');
  await page.screenshot({ path: path.join(OUT, 'x-by-tag-symlog.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

test('hparam columns in the runs panel, sorted, and runs grouped by an hparam', async (browser) => {
  const CORPUS = process.env.EVENTLENS_CORPUS;
  const exported = JSON.parse(execFileSync(CLI, ['export', path.join(CORPUS, 'pytorch-small'), '--kind', 'hparams'],
    { encoding: 'utf8' })).hparams;
  // Sessions with an lr, and their final loss, from the CLI's export.
  const sessions = exported.sessions.filter((x) => typeof x.hparams.lr === 'number');
  assert(sessions.length >= 3, `sessions with lr: ${sessions.length}`);
  const { page, context, problems } = await openPage(browser, BASE + '/#rcols=h%3Alr,m%3Ahparam%2Ffinal_loss' +
    '&rsort=-h%3Alr');
  await page.setInputFiles('#open-folder', path.join(CORPUS, 'pytorch-small'));
  await page.waitForFunction(() => { const s = window.eventlens.state();
    return s.runs.length > 5 && !s.loading.active && s.runsPanel.columns.length === 2; }, null, { timeout: 60000 });
  const state = await page.evaluate(() => window.eventlens.state());
  assertEq(state.runsPanel.columns, ['lr', 'hparam/final_loss'], 'the columns from the link');
  // Each session's row shows its lr and final loss as exported.
  for (const x of sessions) {
    const row = state.runsPanel.rows.find((r) => r.label === x.run);
    assert(row, `a row for ${x.run}`);
    assertEq(+row.values[0], x.hparams.lr, `${x.run} lr`);
    const loss = x.metrics.find((m) => m.tag === 'hparam/final_loss');
    if (loss) assertEq(+row.values[1], +loss.last.toPrecision(6), `${x.run} final loss`);
  }
  // Sorted by lr, highest first, runs without one last.
  const lrs = state.runsPanel.rows.map((r) => r.values[0]);
  const firstMissing = lrs.indexOf('');
  assert(firstMissing > 0 && lrs.slice(firstMissing).every((v) => v === ''), `missing last: ${lrs}`);
  const present = lrs.slice(0, firstMissing).map(Number);
  assertEq(present, [...present].sort((a, b) => b - a), 'rows in descending lr');
  await page.screenshot({ path: path.join(OUT, 'runs-hparam-columns.png') });
  // Grouped by lr: one group per logged value; runs whose session has none are in no group.
  await page.evaluate(() => window.eventlens.settings('group=hp:lr'));
  await page.waitForFunction(() => window.eventlens.state().runGroups.groups.length > 0, null, { timeout: 10000 });
  const grouped = await page.evaluate(() => window.eventlens.state());
  const groups = grouped.runGroups.groups.map((g) => g.name).sort();
  const values = [...new Set(sessions.map((x) => x.hparams.lr))].map((v) => 'lr=' + v).sort();
  assertEq(groups, values, 'a group per lr');
  assertEq(grouped.runsPanel.rows[0].label.startsWith('group:'), true, 'groups come first');
  await page.screenshot({ path: path.join(OUT, 'runs-hparam-groups.png') });
  assertEq(problems, [], 'console errors/warnings');
  await context.close();
});

run();
