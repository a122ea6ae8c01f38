// The run groups benchmark (run by scripts/bench, not a test):
//   node bench_groups.js SITE_DIR LOGDIR
// LOGDIR is `eventlens demo --group-bench`: 100 runs (10 configs x 10 seeds)
// x 50 scalar tags x 10,000 steps. Prints, for Chromium on this machine: the
// ingest time, the CPU time of the frame that regroups (a grouping regex
// that renames the groups, then one that forms other groups: every visible
// card's aggregates recomputed), and frame CPU time
// while the cursor moves over the grouped cards (tooltips with n).
'use strict';
const path = require('path');
const { REPO, startBench, frameTimesAlong, pointsAlong } = require('./bench_util');

const [SITE, LOGDIR] = process.argv.slice(2);

(async () => {
  const { origin, browser, stop } = await startBench(SITE);
  const out = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    // Grouped from the start (a link that groups the sweep's seeds).
    await page.goto(`${origin}/#smoothing=0.6&theme=dark&group=re:` + encodeURIComponent('(cfg_\\d+)/seed_\\d+'));
    await page.waitForFunction(() => window.eventlens && window.eventlens.isReady() && window.eventlens.frame() > 5);
    const t0 = Date.now();
    await page.setInputFiles('#open-folder', LOGDIR);
    await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length === 100 && !s.loading.active; },
      null, { timeout: 600000, polling: 500 });
    out.ingest_seconds = +((Date.now() - t0) / 1000).toFixed(1);
    await page.waitForTimeout(1500);
    // Regroup: the frame that applies the regex computes every visible card's aggregates.
    const regroup = async (regex, label) => {
      await page.evaluate(() => window.eventlens.resetFrameStats());
      await page.evaluate((r) => window.eventlens.settings('group=re:' + encodeURIComponent(r)), regex);
      await page.waitForFunction((l) => {
        const cards = window.eventlens.state().scalarCards;
        return cards.length > 0 && cards.every((c) => c.groupLines.length === 10 && c.groupLines[0].label.startsWith(l));
      }, label, { timeout: 60000, polling: 100 });
      return page.evaluate(() => window.eventlens.state());
    };
    // Typing a regex that renames the same 10 groups: their lines are kept.
    let s = await regroup('cfg_(\\d+)/seed_\\d+', '0');
    out.rename_frame_ms = +s.frameMs.max.toFixed(1);
    let builds = s.runGroups.builds;
    // Grouping by seed instead of by config, and back, 6 times: 10 groups of 10 other runs each
    // time, every aggregate new (each grouping's lines are computed in the memory of the last's).
    const frames = [];
    for (let k = 0; k < 6; k++) {
      s = await regroup(k % 2 ? '(cfg_\\d+)/seed_\\d+' : 'cfg_\\d+/(seed_\\d+)', k % 2 ? 'cfg' : 'seed');
      if (s.runGroups.builds - builds !== 120) throw new Error(`regroup ${k}: ${s.runGroups.builds - builds} builds`);
      builds = s.runGroups.builds;
      frames.push(+s.frameMs.max.toFixed(1));
    }
    out.cards_visible = s.scalarCards.length;
    out.groups = s.runGroups.groups.length;
    out.regroup_builds = 120;
    out.regroup_frame_ms = frames;
    const sorted = [...frames].sort((a, b) => a - b);
    out.regroup_frame_ms_median = (sorted[2] + sorted[3]) / 2;
    out.points_per_card = s.scalarCards[0].groupLines.reduce((n, l) => n + l.points, 0);
    // Hover across the grouped cards.
    await page.mouse.move(500, 300);
    await page.waitForTimeout(500);
    const t = await frameTimesAlong(page, [500, 300],
      pointsAlong(120, (i) => [400 + (i * 13) % 1100, 200 + (i * 7) % 700]), { holdMs: 25 });
    out.hover_frame_ms_p50 = t.p50;
    out.hover_frame_ms_p95 = t.p95;
    out.hover_frames = t.frames;
    await page.screenshot({ path: path.join(REPO, 'build/shots/bench-groups.png') });
    await context.close();
  } finally {
    await stop();
  }
  console.log(JSON.stringify(out));
})();
