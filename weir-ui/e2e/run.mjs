// End-to-end checks of the Weir UI in a real browser (Debian's chromium through playwright-core).
//
//   node e2e/run.mjs <baseUrl> <screenshotDir> <seed.json>
//
// The seed file names the runs the caller recorded: {"failedRunId", "hostileRunId", "hostileText",
// "graphRunId", "parentRunId", "runNames": [...], "deploymentId", "deploymentName", "cancelRunId" (a run of the
// deployment due in an hour, tagged cancel-me), "poolName", "workerName", "pausedRunId" (a run paused for an
// Approval {approved: boolean, note: string starting lower-case, in a Java-only pattern}, whose flow logs the
// input it is resumed with and persists its result)}. Prints one "E2E_RESULT {...}" line with the figures
// and exits non-zero on the first failed check. Started by weir-server's UiEndToEndTest.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const [baseUrl, shots, seedFile] = process.argv.slice(2);
if (!baseUrl || !shots || !seedFile) {
  console.error('usage: node e2e/run.mjs <baseUrl> <screenshotDir> <seed.json>');
  process.exit(2);
}
const seed = JSON.parse(readFileSync(seedFile, 'utf8'));
const executablePath = process.env.WEIR_CHROMIUM || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(shots, { recursive: true });

/** The gzipped size of the built UI (every file, as a browser would fetch it compressed). */
function bundleSize(root) {
  let raw = 0;
  let gzip = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const bytes = readFileSync(path);
        raw += bytes.length;
        gzip += gzipSync(bytes, { level: 9 }).length;
      }
    }
  };
  walk(root);
  return { raw, gzip };
}

const results = { checks: [] };
const userDataDir = mkdtempSync(join(tmpdir(), 'weir-e2e-chromium-'));
let context;
let failed = false;

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    results.checks.push({ name, ok: true, ms: Date.now() - started });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed = true;
    results.checks.push({ name, ok: false, error: String(e?.message ?? e) });
    console.log(`FAIL ${name}: ${e?.stack ?? e}`);
    throw e;
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

try {
  results.bundle = bundleSize(join(here, '..', 'target', 'classes', 'weir-ui'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => {
    pageErrors.push(`unexpected dialog: ${d.message()}`);
    d.dismiss();
  });

  await check('the flow runs page lists the recorded runs', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl}/runs`, { waitUntil: 'commit' });
    await page.locator('[data-testid=flow-run-table] tbody tr').first().waitFor({ state: 'visible' });
    results.runsListVisibleMs = Date.now() - started;
    for (const name of seed.runNames) {
      await page.getByRole('link', { name, exact: true }).first().waitFor({ state: 'visible' });
    }
    const failedRow = page.locator(`tr[data-run-id="${seed.failedRunId}"]`);
    expect((await failedRow.locator('.badge').textContent()) === 'Failed', 'the failed run has a Failed badge');
    await page.screenshot({ path: join(shots, 'flow-runs.png'), fullPage: true });
  });

  await check('the state filter narrows the list to failed runs', async () => {
    await page.locator('label.chip[data-state=FAILED]').click();
    await page.waitForURL(/state=FAILED/);
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid=flow-run-table] tbody .badge')].every((b) => b.getAttribute('data-state') === 'FAILED'),
    );
    await page.locator(`tr[data-run-id="${seed.failedRunId}"]`).waitFor();
  });

  await check("a failed run's page shows its failed task and the exception in its logs", async () => {
    await page.goto(`${baseUrl}/runs/${seed.failedRunId}`);
    const task = page.locator('[data-testid=task-timeline] .gantt-row[data-state=FAILED]');
    await task.first().waitFor();
    expect((await task.first().getAttribute('data-task-run')).startsWith('explode'), 'the failed task is explode');
    await page.locator('[data-testid=log-lines]').getByText('IllegalArgumentException: bad row 17').first().waitFor();
    await page.locator('[data-testid=state-message]').waitFor();
    await page.screenshot({ path: join(shots, 'flow-run-failed.png'), fullPage: true });
    await page.selectOption('select[aria-label="Lowest level shown"]', 'ERROR');
    const levels = await page.locator('[data-testid=log-lines] .log-level').allTextContents();
    expect(levels.length > 0 && levels.every((l) => l === 'ERROR'), `only ERROR lines after filtering, got ${levels}`);
  });

  await check('a run with a fan-out graph draws its tasks and edges', async () => {
    await page.goto(`${baseUrl}/runs/${seed.graphRunId}`);
    await page.locator('[data-testid=task-timeline] .gantt-row').nth(4).waitFor();
    await page.getByRole('tab', { name: 'Graph' }).click();
    const graph = page.locator('[data-testid=task-graph]');
    await graph.locator('g.node').nth(4).waitFor();
    expect((await graph.locator('path.edge').count()) >= 4, 'at least four edges');
    expect((await graph.locator('path.edge.wait').count()) >= 1, 'a wait-for edge');
    await page.screenshot({ path: join(shots, 'flow-run-graph.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Parameters' }).click();
    await page.locator('[data-testid=parameters]').waitFor();
  });

  await check("a parent run lists its subflow's run", async () => {
    await page.goto(`${baseUrl}/runs/${seed.parentRunId}`);
    await page.getByRole('tab', { name: 'Subflows' }).click();
    await page.locator('[data-testid=flow-run-table] tbody tr').first().waitFor();
  });

  await check('an HTML and script log line is shown as text', async () => {
    await page.goto(`${baseUrl}/runs/${seed.hostileRunId}`);
    const logs = page.locator('[data-testid=log-lines]');
    await logs.getByText(seed.hostileText, { exact: true }).waitFor();
    expect((await logs.locator('script, img, b').count()) === 0, 'no element made from the log text');
    expect((await page.evaluate(() => window.__weirPwned)) === undefined, 'the script did not run');
    await page.screenshot({ path: join(shots, 'flow-run-html-log.png'), fullPage: true });
  });

  await check('an unknown run id shows the not-found page', async () => {
    await page.goto(`${baseUrl}/runs/01930000-0000-7000-8000-000000000000`);
    await page.locator('[data-testid=not-found]').waitFor();
    await page.goto(`${baseUrl}/runs/not-a-run`);
    await page.locator('[data-testid=not-found]').waitFor();
    await page.screenshot({ path: join(shots, 'not-found.png') });
  });

  await check('the dashboard counts runs by state, failures first', async () => {
    await page.goto(`${baseUrl}/`);
    const first = page.locator('.cards a.card').first();
    await first.waitFor();
    expect((await first.getAttribute('data-state')) === 'FAILED', 'the first state card is Failed');
    expect(Number(await first.locator('.card-value').textContent()) >= 1, 'at least one failed run counted');
    await page.locator('section[aria-labelledby=failed-title] [data-testid=flow-run-table]').waitFor();
    await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: true });
  });

  await check('flows, a flow, events and the coming-soon pages render', async () => {
    await page.goto(`${baseUrl}/flows`);
    await page.locator('[data-testid=flow-table]').getByRole('link', { name: 'broken' }).click();
    await page.waitForURL(/\/flows\/broken$/);
    await page.locator(`tr[data-run-id="${seed.failedRunId}"]`).waitFor();
    await page.screenshot({ path: join(shots, 'flow.png'), fullPage: true });
    await page.goto(`${baseUrl}/flows`);
    await page.locator('[data-testid=flow-table]').waitFor();
    await page.screenshot({ path: join(shots, 'flows.png'), fullPage: true });
    await page.goto(`${baseUrl}/events`);
    await page.locator('[data-testid=event-table] tbody tr').first().waitFor();
    await page.screenshot({ path: join(shots, 'events.png'), fullPage: true });
    await page.getByRole('link', { name: /Blocks/ }).click();
    await page.getByText('Coming soon').waitFor();
    await page.screenshot({ path: join(shots, 'blocks-coming-soon.png') });
  });

  await check('the work pools page shows the seeded pool, its online worker and its queue', async () => {
    await page.getByRole('link', { name: 'Work pools', exact: true }).click();
    await page.waitForURL(/\/work-pools$/);
    const row = page.locator(`[data-testid=work-pool-table] tr[data-pool="${seed.poolName}"]`);
    await row.waitFor();
    expect((await row.locator('.badge').getAttribute('data-status')) === 'READY', `the pool is READY: ${await row.textContent()}`);
    expect((await row.textContent()).includes('process'), 'the row shows the type');
    await page.screenshot({ path: join(shots, 'work-pools.png'), fullPage: true });
    await row.getByRole('link', { name: seed.poolName }).click();
    await page.waitForURL(new RegExp(`/work-pools/${seed.poolName}$`));
    const worker = page.locator(`[data-testid=worker-table] tr[data-worker="${seed.workerName}"]`);
    await worker.waitFor();
    expect((await worker.locator('.badge').getAttribute('data-status')) === 'ONLINE', 'the worker is ONLINE');
    expect(/\d+ (s|min) ago/.test(await worker.textContent()), `the heartbeat says how long ago: ${await worker.textContent()}`);
    expect((await worker.locator('time').getAttribute('title')).endsWith(' UTC'), 'the heartbeat has its UTC time on hover');
    const queue = page.locator('[data-testid=queue-table] tr[data-queue=default]');
    await queue.waitFor();
    expect((await queue.locator('.badge').getAttribute('data-status')) === 'READY', `the polled queue is READY: ${await queue.textContent()}`);
    await page.screenshot({ path: join(shots, 'work-pool.png'), fullPage: true });
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.locator('h1 .badge[data-status=PAUSED]').waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.locator('h1 .badge[data-status=READY]').waitFor();
  });

  await check("the dashboard shows the pool's health", async () => {
    await page.goto(`${baseUrl}/`);
    const row = page.locator(`[data-testid=pool-health] tr[data-pool="${seed.poolName}"]`);
    await row.waitFor();
    expect((await row.getByTestId('workers-online').textContent()) === '1 of 1', `workers online: ${await row.textContent()}`);
    expect((await row.getByTestId('queues-ready').textContent()) === '1 of 1', `queues ready: ${await row.textContent()}`);
  });

  await check('the deployments list shows the seeded deployment with its schedule', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Deployments', exact: true }).click();
    const row = page.locator(`[data-testid=deployment-table] tr[data-deployment-id="${seed.deploymentId}"]`);
    await row.waitFor();
    const text = await row.textContent();
    expect(text.includes(seed.deploymentName) && text.includes('At 09:00 every day'), `the row names the deployment and its schedule: ${text}`);
    expect(text.includes('ui-pool') && text.includes('e2e'), `the row shows work pool and tags: ${text}`);
    await page.screenshot({ path: join(shots, 'deployments.png'), fullPage: true });
    await row.getByRole('link', { name: seed.deploymentName }).click();
    await page.waitForURL(new RegExp(`/deployments/${seed.deploymentId}$`));
    await page.locator('[data-testid=schedules]').getByText(/At 09:00 every day/).waitFor();
    await page.screenshot({ path: join(shots, 'deployment.png'), fullPage: true });
  });

  await check('a custom run with month 13 is refused beside the month field, before any request', async () => {
    const creates = [];
    const onRequest = (r) => r.url().endsWith('/create_flow_run') && creates.push(r);
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Custom run' }).click();
    const form = page.locator('[data-testid=custom-run]');
    await form.locator('#param-month').fill('13');
    await form.getByRole('button', { name: 'Create run' }).click();
    const error = form.locator('[data-field=month] .field-error');
    await error.waitFor();
    expect((await error.textContent()) === 'Must be at most 12', `month error: ${await error.textContent()}`);
    expect((await form.locator('#param-month').getAttribute('aria-invalid')) === 'true', 'the month input is marked invalid');
    await page.screenshot({ path: join(shots, 'deployment-custom-run-invalid.png'), fullPage: true });
    page.off('request', onRequest);
    expect(creates.length === 0, 'no create_flow_run request was sent');
  });

  await check("a rule only the server checks comes back as a 422 shown beside its field", async () => {
    const form = page.locator('[data-testid=custom-run]');
    await form.locator('#param-month').fill('6');
    // The region pattern uses Java-only syntax (\p{javaLowerCase}): the browser cannot check it, the server does.
    await form.locator('#param-region').fill('EU');
    const answered = page.waitForResponse((r) => r.url().endsWith('/create_flow_run'));
    await form.getByRole('button', { name: 'Create run' }).click();
    expect((await answered).status() === 422, 'the server answered 422');
    const error = form.locator('[data-field=region] .field-error');
    await error.waitFor();
    expect((await error.textContent()).includes("Parameter 'region' is invalid"), `region error: ${await error.textContent()}`);
    await page.screenshot({ path: join(shots, 'deployment-custom-run-422.png'), fullPage: true });
  });

  await check('a valid custom run creates a run and lands on its page', async () => {
    const form = page.locator('[data-testid=custom-run]');
    await form.locator('#param-region').fill('eu');
    await form.getByRole('button', { name: 'Create run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: 'Parameters' }).click();
    const params = page.locator('[data-testid=parameters]');
    await params.waitFor();
    const text = await params.textContent();
    expect(text.includes('month') && text.includes('6') && text.includes('eu'), `the run has the form's parameters: ${text}`);
    await page.screenshot({ path: join(shots, 'deployment-run-created.png'), fullPage: true });
    await page.goto(`${baseUrl}/deployments/${seed.deploymentId}`);
    await page.locator('section[aria-labelledby=recent-title] [data-testid=flow-run-table] tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
  });

  await check('an API that is down shows a banner, keeps the data and recovers by retrying', async () => {
    await page.goto(`${baseUrl}/runs`);
    await page.locator(`tr[data-run-id="${seed.failedRunId}"]`).waitFor();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    const banner = page.locator('.banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await page.locator(`tr[data-run-id="${seed.failedRunId}"]`).isVisible(), 'the last list stays on screen');
    await page.screenshot({ path: join(shots, 'api-down.png') });
    await page.unroute('**/api/**');
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
  });

  await check('with auth on, the UI asks for a key, sends it, and asks again when it is refused', async () => {
    const base = seed.authBaseUrl;
    await page.goto(`${base}/runs`);
    const prompt = page.getByRole('heading', { name: 'This Weir server needs an API key' });
    await prompt.waitFor();
    await page.screenshot({ path: join(shots, 'api-key-prompt.png') });
    await page.getByLabel('API key', { exact: true }).fill('weir_not_a_key');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('The server did not accept this key.').waitFor();
    await page.getByLabel('API key', { exact: true }).fill(seed.apiKey);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator(`tr[data-run-id="${seed.failedRunId}"]`).waitFor();
    expect((await page.locator('.live').textContent()).includes('Every'), 'polls instead of using EventSource with a key');
    await page.goto(`${base}/runs/${seed.failedRunId}`);
    await page.locator('[data-testid=log-lines]').getByText('IllegalArgumentException: bad row 17').first().waitFor();
    await page.evaluate(() => sessionStorage.setItem('weir.apiKey', 'weir_revoked'));
    await page.reload();
    await prompt.waitFor();
  });

  // The checks below need the server's deployment and tag filters and its cancel and retry routes.
  await check('a run without deployment shows Retry disabled, with why', async () => {
    await page.goto(`${baseUrl}/runs/${seed.failedRunId}`);
    const wrap = page.getByTestId('retry-disabled');
    await wrap.waitFor();
    expect((await wrap.getAttribute('title')) === 'only deployment runs can be retried from the UI', 'the tooltip says why');
    expect(await wrap.getByRole('button').isDisabled(), 'the button is disabled');
  });

  await check('the flow runs list filters by tag and by deployment, in the URL', async () => {
    await page.goto(`${baseUrl}/runs`);
    await page.locator('[data-testid=flow-run-table] tbody tr').first().waitFor();
    await page.getByLabel('Add a tag').fill('cancel-me');
    await page.getByLabel('Add a tag').press('Enter');
    await page.waitForURL(/tag=cancel-me/);
    await page.waitForFunction(
      (id) => {
        const rows = [...document.querySelectorAll('[data-testid=flow-run-table] tbody tr')];
        return rows.length === 1 && rows[0].getAttribute('data-run-id') === id;
      },
      seed.cancelRunId,
    );
    await page.getByRole('button', { name: 'Remove tag cancel-me' }).click();
    await page.getByLabel('Deployment').selectOption(seed.deploymentId);
    await page.waitForURL(new RegExp(`deployment=${seed.deploymentId}`));
    await page.locator(`tr[data-run-id="${seed.cancelRunId}"]`).waitFor();
    await page.locator(`tr[data-run-id="${seed.failedRunId}"]`).waitFor({ state: 'detached' });
    await page.screenshot({ path: join(shots, 'flow-runs-by-deployment.png'), fullPage: true });
  });

  await check('cancelling a scheduled deployment run, confirmed first, shows it Cancelled', async () => {
    await page.goto(`${baseUrl}/runs/${seed.cancelRunId}`);
    await page.locator('h1 .badge[data-state=SCHEDULED]').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this run?' });
    await dialog.waitFor();
    await page.screenshot({ path: join(shots, 'flow-run-cancel-confirm.png') });
    await dialog.getByRole('button', { name: 'Cancel the run' }).click();
    await page.locator('h1 .badge[data-state=CANCELLED]').waitFor();
    await page.screenshot({ path: join(shots, 'flow-run-cancelled.png'), fullPage: true });
  });

  await check('a cancelled deployment run can be retried', async () => {
    const retry = page.getByRole('button', { name: 'Retry', exact: true });
    expect(await retry.isEnabled(), 'Retry is enabled for a final deployment run');
    await retry.click();
    await page.locator('h1 .badge:not([data-state=CANCELLED])').waitFor();
    const outcome = page.getByTestId('action-outcome');
    await outcome.waitFor();
    expect((await outcome.textContent()).includes('Retry: the run is now'), `retry accepted: ${await outcome.textContent()}`);
  });

  await check('a paused run shows when it times out, and its resume form checks the input before sending it', async () => {
    await page.goto(`${baseUrl}/runs/${seed.pausedRunId}`);
    await page.locator('h1 .badge[data-state=PAUSED]').waitFor();
    const timeout = page.getByTestId('run-pause-timeout');
    await timeout.waitFor();
    expect((await page.locator('.facts').textContent()).includes('Times out at'), 'the facts say when the pause times out');
    expect((await timeout.locator('time').getAttribute('title')).endsWith(' UTC'), 'the timeout has its UTC time on hover');
    const resumes = [];
    const onRequest = (r) => r.url().endsWith('/resume') && resumes.push(r);
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Resume this run' });
    await dialog.waitFor();
    expect((await dialog.getByTestId('pause-timeout').textContent()).startsWith('Times out at'), 'the form says when the pause times out');
    await dialog.locator('#param-approved').check();
    await page.screenshot({ path: join(shots, 'flow-run-resume-form.png') });
    await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
    const noteError = dialog.locator('[data-field=note] .field-error');
    await noteError.waitFor();
    expect((await noteError.textContent()) === 'Required', `note error: ${await noteError.textContent()}`);
    page.off('request', onRequest);
    expect(resumes.length === 0, 'no resume request was sent for a form with a missing field');
  });

  await check("a resume input only the server can check comes back as a 422 beside its field", async () => {
    const dialog = page.getByRole('dialog', { name: 'Resume this run' });
    // The note's pattern is Java-only (\p{javaLowerCase}): the browser cannot check it, the server does.
    await dialog.locator('#param-note').fill('Ship it');
    const answered = page.waitForResponse((r) => r.url().endsWith('/resume'));
    await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
    const refused = await answered;
    const schema = JSON.stringify((await (await page.request.get(`${baseUrl}/api/flow_runs/${seed.pausedRunId}`)).json()).state.details);
    expect(refused.status() === 422, `the server answered 422, not ${refused.status()} ${await refused.text()}; details ${schema}`);
    const noteError = dialog.locator('[data-field=note] .field-error');
    await noteError.waitFor();
    expect((await noteError.textContent()).length > 0, 'the 422 is shown beside the note');
    await page.screenshot({ path: join(shots, 'flow-run-resume-422.png') });
    await page.locator('h1 .badge[data-state=PAUSED]').waitFor();
  });

  await check('a valid resume lets the flow go on to Completed, and its log shows the input', async () => {
    const dialog = page.getByRole('dialog', { name: 'Resume this run' });
    await dialog.locator('#param-note').fill('ship it');
    const answered = page.waitForResponse((r) => r.url().endsWith('/resume'));
    await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
    const answer = await answered;
    expect(answer.status() === 200, `the resume was accepted: ${answer.status()}`);
    expect(JSON.stringify(answer.request().postDataJSON()) === '{"runInput":{"approved":true,"note":"ship it"}}', `the run input sent: ${answer.request().postData()}`);
    await dialog.waitFor({ state: 'detached' });
    expect((await page.getByTestId('action-outcome').textContent()).includes('Resume: the run is now'), 'the resume was accepted');
    await page.locator('h1 .badge[data-state=COMPLETED]').waitFor({ timeout: 30_000 });
    const line = page.locator('[data-testid=log-lines]').getByText("Resumed with approved=true and note 'ship it'");
    try {
      await line.waitFor({ timeout: 10_000 });
    } catch {
      await page.reload();
      await line.waitFor();
    }
  });

  await check('a finished run shows its result summary and the place for artifacts', async () => {
    const summary = page.getByTestId('run-summary');
    await summary.waitFor();
    expect((await summary.locator('.badge').first().getAttribute('data-state')) === 'COMPLETED', 'the summary says Completed');
    expect(/\d/.test(await summary.getByTestId('summary-run-time').textContent()), 'the summary has a run time');
    await summary.locator('[data-testid=summary-task-counts] li[data-state=COMPLETED]').waitFor();
    expect((await summary.locator('[data-testid=summary-task-counts] li[data-state=COMPLETED]').textContent()).endsWith('1'), 'one completed task run');
    const key = summary.getByTestId('summary-result-key');
    await key.waitFor();
    expect((await key.locator('code').textContent()).length > 0, 'the result key is shown');
    expect((await key.getAttribute('title')).includes('No API endpoint serves result contents'), 'the tooltip says no endpoint serves results');
    expect((await page.getByTestId('artifacts').textContent()).includes('later release'), 'artifacts are promised, not faked');
    await page.screenshot({ path: join(shots, 'flow-run-result-summary.png'), fullPage: true });
  });

  await check('no script errors on any page', async () => {
    expect(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
  });
} catch {
  failed = true;
} finally {
  await context?.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
  console.log(`E2E_RESULT ${JSON.stringify(results)}`);
  process.exit(failed ? 1 : 0);
}
