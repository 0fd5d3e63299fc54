// Time-to-usable of the flow runs pages at scale (headless chromium through playwright-core).
//
//   node e2e/scale.mjs <baseUrl> <screenshotDir> <flowRunId> <taskRunsOfThatRun>
//
// "Usable" is: the page's content is on screen (the first row of the runs table and its count; the
// run's task timeline with every task run counted) and the main thread answers the next frame, timed
// from the start of navigation in a fresh tab. Each page is measured five times; prints one
// "SCALE_RESULT {...}" line. Started by weir-server's UiScaleBenchmark, which seeds the database.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, shots, runId, taskCount] = process.argv.slice(2);
if (!baseUrl || !shots || !runId) {
  console.error('usage: node e2e/scale.mjs <baseUrl> <screenshotDir> <flowRunId> <taskRunsOfThatRun>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const REPEATS = 5;
const browser = await chromium.launch({
  executablePath: process.env.WEIR_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

const idle = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

async function measure(name, url, ready) {
  const times = [];
  for (let i = 0; i < REPEATS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await ready(page);
    await idle(page);
    times.push(Date.now() - started);
    if (errors.length) throw new Error(`${name}: page errors ${errors.join('; ')}`);
    if (i === REPEATS - 1) await page.screenshot({ path: join(shots, `${name}.png`) });
    await context.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const result = { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], all: times };
  console.log(`${name}: usable in ${result.median} ms (median of ${REPEATS}; ${times.join(', ')})`);
  return result;
}

let failed = false;
const results = {};
try {
  // A first, untimed visit warms the server's caches and the browser's HTTP cache of the bundle.
  const warm = await browser.newPage();
  await warm.goto(`${baseUrl}/runs`);
  await warm.locator('[data-testid=flow-run-table] tbody tr').first().waitFor({ timeout: 60_000 });
  await warm.close();

  results.runsUsableMs = await measure('runs', `${baseUrl}/runs`, async (page) => {
    await page.locator('[data-testid=flow-run-table] tbody tr').first().waitFor({ state: 'visible' });
    await page.waitForFunction(() => /of [\d,]+/.test(document.querySelector('[data-testid=run-count]')?.textContent ?? ''));
  });
  results.runUsableMs = await measure('run-1000-tasks', `${baseUrl}/runs/${runId}`, async (page) => {
    await page.locator('[data-testid=task-timeline] .gantt-row').first().waitFor({ state: 'visible' });
    if (taskCount) {
      await page.waitForFunction(
        (n) => [...document.querySelectorAll('.facts div')].some((d) => d.querySelector('dt')?.textContent === 'Task runs' && d.querySelector('dd')?.textContent?.replace(/\D/g, '') === n),
        taskCount,
      );
    }
  });
  results.graphTabMs = await measure('run-1000-tasks-graph', `${baseUrl}/runs/${runId}`, async (page) => {
    await page.locator('[data-testid=task-timeline] .gantt-row').first().waitFor({ state: 'visible' });
    await page.getByRole('tab', { name: 'Graph' }).click();
    await page.locator('[data-testid=task-graph] g.node').first().waitFor({ state: 'visible' });
  });
} catch (e) {
  failed = true;
  console.log(`FAIL ${e?.stack ?? e}`);
} finally {
  await browser.close().catch(() => {});
  console.log(`SCALE_RESULT ${JSON.stringify(results)}`);
  process.exit(failed ? 1 : 0);
}
