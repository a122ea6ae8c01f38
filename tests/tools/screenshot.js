// Takes a screenshot of a page with headless Chromium, for looking at the UI:
//   node tests/tools/screenshot.js URL OUT.png [--wait-loaded] [--dpr N] [--eval JS]...
// --wait-loaded waits until state().loading.active is false and runs exist.
'use strict';
const path = require('path');
const { openPage } = require(path.join(__dirname, '../browser/harness'));
const { chromium } = require(path.join(__dirname, '../browser/node_modules/playwright-core'));

(async () => {
  const [url, out, ...rest] = process.argv.slice(2);
  let dpr = 1, waitLoaded = false;
  const evals = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--dpr') dpr = +rest[++i];
    else if (rest[i] === '--wait-loaded') waitLoaded = true;
    else if (rest[i] === '--eval') evals.push(rest[++i]);
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const { page, problems } = await openPage(browser, url, { deviceScaleFactor: dpr });
  if (waitLoaded) {
    await page.waitForFunction(() => { const s = window.eventlens.state(); return s.runs.length > 0 && !s.loading.active; },
      null, { timeout: 60000 });
  }
  for (const e of evals) await page.evaluate(e);
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  if (problems.length) console.log(problems.join('\n'));
  await browser.close();
})();
