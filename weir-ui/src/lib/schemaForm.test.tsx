import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { connection } from './api';
import { buildParameters, formFields, initialValues, problemField, validateValue } from './schemaForm';
import { describeCron, describeInterval, describeSchedule } from './schedules';
import type { Deployment, JsonSchema } from './types';
import { aFlowRun, mockFetch } from '../test/fixtures';

/** A schema shaped like ParameterSchema's output for etl(int month, String region, boolean dryRun, Mode mode, ...). */
const SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Parameters',
  properties: {
    month: { title: 'month', position: 0, type: 'integer', minimum: 1, maximum: 12 },
    region: { title: 'region', position: 1, type: 'string', minLength: 2, maxLength: 8, pattern: '^[a-z-]+$' },
    dryRun: { title: 'dryRun', position: 2, type: 'boolean' },
    mode: { title: 'mode', position: 3, type: 'string', enum: ['FULL', 'INCREMENTAL'] },
    day: { title: 'day', position: 4, type: 'string', format: 'date' },
    since: { title: 'since', position: 5, anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
    trip: { title: 'trip', position: 6, $ref: '#/$defs/Trip' },
    ratio: { title: 'ratio', position: 7, type: 'number', exclusiveMinimum: 0 },
    ids: { title: 'ids', position: 8, type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 2 },
    extra: { title: 'extra', position: 9 },
  },
  required: ['month', 'region', 'dryRun', 'mode', 'trip'],
  $defs: {
    Trip: { type: 'object', properties: { days: { type: 'array', items: { type: 'integer', maximum: 31 } } }, required: ['days'] },
  },
};

describe('schema form fields', () => {
  it('picks an input kind per type, follows $ref and keeps the method order', () => {
    const fields = formFields(SCHEMA);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['month', 'integer', true],
      ['region', 'text', true],
      ['dryRun', 'boolean', true],
      ['mode', 'enum', true],
      ['day', 'date', false],
      ['since', 'datetime', false],
      ['trip', 'json', true],
      ['ratio', 'number', false],
      ['ids', 'json', false],
      ['extra', 'json', false],
    ]);
    expect(fields.find((f) => f.name === 'since')!.nullable).toBe(true);
    expect(fields.find((f) => f.name === 'trip')!.schema.required).toEqual(['days']);
  });

  it('starts from the deployment defaults, then the schema defaults', () => {
    const fields = formFields({ ...SCHEMA, properties: { ...SCHEMA.properties, ratio: { type: 'number', default: 0.5 } } });
    const values = initialValues(fields, { month: 3, mode: 'FULL', trip: { days: [1] }, dryRun: true });
    expect(values.month).toBe('3');
    expect(values.mode).toBe('"FULL"');
    expect(values.dryRun).toBe(true);
    expect(JSON.parse(values.trip as string)).toEqual({ days: [1] });
    expect(values.ratio).toBe('0.5');
    expect(values.region).toBe('');
  });

  it('builds typed parameters from valid input', () => {
    const fields = formFields(SCHEMA);
    const { parameters, errors } = buildParameters(SCHEMA, fields, {
      ...initialValues(fields),
      month: '12',
      region: 'eu-west',
      dryRun: false,
      mode: '"INCREMENTAL"',
      day: '2026-05-03',
      trip: '{"days": [1, 31]}',
      ratio: '0.25',
      ids: '["0193a000-0000-7000-8000-000000000000"]',
    });
    expect(errors).toEqual({});
    expect(parameters).toEqual({
      month: 12,
      region: 'eu-west',
      dryRun: false,
      mode: 'INCREMENTAL',
      day: '2026-05-03',
      trip: { days: [1, 31] },
      ratio: 0.25,
      ids: ['0193a000-0000-7000-8000-000000000000'],
    });
  });

  it('names what is wrong with each field: min, max, pattern, length, required, enum, JSON, nested', () => {
    const fields = formFields(SCHEMA);
    const errorsFor = (values: Record<string, string | boolean>) => buildParameters(SCHEMA, fields, { ...initialValues(fields), ...values }).errors;
    expect(errorsFor({ month: '13' }).month).toBe('Must be at most 12');
    expect(errorsFor({ month: '0' }).month).toBe('Must be at least 1');
    expect(errorsFor({ month: '2.5' }).month).toBe('Enter a whole number');
    expect(errorsFor({ month: 'x' }).month).toBe('Enter a number');
    expect(errorsFor({ month: '' }).month).toBe('Required');
    expect(errorsFor({ region: 'EU' }).region).toBe('Must match the pattern ^[a-z-]+$');
    expect(errorsFor({ region: 'e' }).region).toBe('Must be at least 2 characters long');
    expect(errorsFor({ region: 'abcdefghi' }).region).toBe('Must be at most 8 characters long');
    expect(errorsFor({ mode: '"PARTIAL"' }).mode).toBe('Must be one of "FULL", "INCREMENTAL"');
    expect(errorsFor({ mode: '' }).mode).toBe('Required');
    expect(errorsFor({ trip: '{days: 1}' }).trip).toMatch(/^Not valid JSON/);
    expect(errorsFor({ trip: '{}' }).trip).toBe('Days: is required');
    expect(errorsFor({ trip: '{"days": [1, 32]}' }).trip).toBe('Days[1]: must be at most 31');
    expect(errorsFor({ ratio: '0' }).ratio).toBe('Must be more than 0');
    expect(errorsFor({ ids: '["nope"]' }).ids).toMatch(/^\[0\]: must be a UUID/);
    expect(errorsFor({ ids: '[]', day: '' }).day).toBeUndefined();
  });

  it('validates nested values like the server', () => {
    expect(validateValue(SCHEMA, { type: 'string', format: 'date' }, '2026-13-40')).toBe('must be a date (YYYY-MM-DD)');
    expect(validateValue(SCHEMA, { type: 'integer' }, 'x')).toBe('must be a whole number');
    expect(validateValue(SCHEMA, { type: 'string', pattern: '(?<=x)\\p{javaLowerCase}' }, 'a')).toBeUndefined();
  });

  it("maps a 422's Problem.field to the field it names", () => {
    const fields = formFields(SCHEMA);
    expect(problemField({ status: 422, field: 'parameters.month' }, fields)).toBe('month');
    expect(problemField({ status: 422, field: 'parameters.trip.days[2]' }, fields)).toBe('trip');
    expect(problemField({ status: 422, field: 'parameters.nope' }, fields)).toBeUndefined();
    expect(problemField({ status: 400, field: 'name' }, fields)).toBeUndefined();
  });
});

describe('schedules in words', () => {
  it('describes cron, interval and rrule schedules', () => {
    expect(describeCron('0 9 * * *')).toBe('At 09:00 every day');
    expect(describeCron('30 6 * * 1-5')).toBe('At 06:30 on weekdays');
    expect(describeCron('*/15 * * * *')).toBe('Every 15 minutes');
    expect(describeCron('0 0 1 * *')).toBe('At 00:00 on day 1 of every month');
    expect(describeCron('0 9-17 * * *')).toBeUndefined();
    expect(describeInterval(3600)).toBe('1 hour');
    expect(describeInterval(90)).toBe('90 seconds');
    expect(describeSchedule({ type: 'cron', cron: '0 9 * * 1', timezone: 'Europe/Paris' })).toBe('At 09:00 every Monday (cron 0 9 * * 1, Europe/Paris)');
    expect(describeSchedule({ type: 'interval', interval: 86400, anchorDate: '1970-01-01T00:00:00Z', timezone: 'UTC' })).toBe('Every 1 day (UTC)');
    expect(describeSchedule({ type: 'rrule', rrule: 'DTSTART:20260101T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO', timezone: 'UTC' })).toBe(
      'DTSTART:20260101T090000; RRULE:FREQ=WEEKLY;BYDAY=MO (UTC)',
    );
  });
});

const DEPLOYMENT: Deployment = {
  id: '0193d000-0000-7000-8000-000000000001',
  flowId: 'f1',
  flowName: 'taxi-etl',
  name: 'monthly',
  entrypoint: 'com.acme.TaxiEtl#etl',
  workPoolName: 'k8s',
  parameters: { month: 5, region: 'eu' },
  parameterSchema: {
    type: 'object',
    properties: { month: { type: 'integer', minimum: 1, maximum: 12, position: 0 }, region: { type: 'string', position: 1 } },
    required: ['month'],
  },
  enforceParameterSchema: true,
  tags: ['nightly'],
  jobVariables: {},
  paused: false,
  created: '2026-05-03T12:00:00Z',
  updated: '2026-05-03T12:00:00Z',
  schedules: [
    {
      id: 's1',
      deploymentId: '0193d000-0000-7000-8000-000000000001',
      schedule: { type: 'cron', cron: '0 9 * * *', timezone: 'UTC' },
      active: true,
      parameters: {},
      created: '2026-05-03T12:00:00Z',
      updated: '2026-05-03T12:00:00Z',
    },
  ],
};

describe('deployment pages', () => {
  beforeEach(() => {
    sessionStorage.clear();
    connection.update({ down: false, needsKey: false });
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const routes = (extra: Record<string, (body: unknown) => unknown> = {}) =>
    mockFetch({
      'POST /api/deployments/filter': () => [DEPLOYMENT],
      [`GET /api/deployments/${DEPLOYMENT.id}`]: () => DEPLOYMENT,
      // As the server does: the query's deploymentId picks the runs.
      'POST /api/flow_runs/filter': (body) =>
        [
          aFlowRun({ name: 'next-one', flowName: 'taxi-etl', deploymentId: DEPLOYMENT.id, state: { type: 'SCHEDULED', name: 'Scheduled', message: '', timestamp: '2026-05-03T12:00:00Z' }, expectedStartTime: '2026-05-04T09:00:00Z' }),
          aFlowRun({ name: 'other-deployment', flowName: 'taxi-etl', deploymentId: 'someone-else', state: { type: 'SCHEDULED', name: 'Scheduled', message: '', timestamp: '2026-05-03T12:00:00Z' } }),
        ].filter((r) => r.deploymentId === (body as { deploymentId?: string }).deploymentId && (body as { states?: string[] }).states?.includes('SCHEDULED')),
      'POST /api/flow_runs/count': () => ({ count: 0 }),
      ...extra,
    });

  it('lists deployments with their flow, schedule, status, work pool and tags', async () => {
    vi.stubGlobal('fetch', routes());
    window.history.replaceState(null, '', '/deployments');
    render(<App />);
    const table = await screen.findByTestId('deployment-table');
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByText('monthly').getAttribute('href')).toBe(`/deployments/${DEPLOYMENT.id}`);
    expect(row.textContent).toContain('At 09:00 every day (cron 0 9 * * *, UTC)');
    expect(row.textContent).toContain('k8s');
    expect(row.textContent).toContain('nightly');
    expect(row.textContent).toContain('Active');
  });

  it("shows the deployment's schedules and only its own upcoming runs, asking by deploymentId", async () => {
    const fetch = routes();
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/deployments/${DEPLOYMENT.id}`);
    render(<App />);
    const next = await screen.findByTestId('next-runs');
    expect(next.textContent).toContain('next-one');
    expect(next.textContent).not.toContain('other-deployment');
    const queries = fetch.calls.filter((c) => c.key === 'POST /api/flow_runs/filter').map((c) => c.body as Record<string, unknown>);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const q of queries) {
      expect(q.deploymentId).toBe(DEPLOYMENT.id);
      expect(q.flowNames).toBeUndefined();
    }
  });

  it('checks a custom run in the browser, then shows a 422 beside the field it names, then navigates to the run', async () => {
    let answer: 'problem' | 'ok' = 'problem';
    const created = aFlowRun({ flowName: 'taxi-etl', deploymentId: DEPLOYMENT.id });
    const fetch = routes({
      [`POST /api/deployments/${DEPLOYMENT.id}/create_flow_run`]: () =>
        answer === 'problem'
          ? new Response(JSON.stringify({ status: 422, title: 'Unprocessable', field: 'parameters.region', detail: "Parameter 'region' is invalid: \"zz\" does not satisfy pattern" }), { status: 422 })
          : created,
      [`GET /api/flow_runs/${created.id}`]: () => created,
      [`GET /api/flow_runs/${created.id}/task_runs`]: () => [],
      [`GET /api/flow_runs/${created.id}/states`]: () => [],
      'POST /api/logs/filter': () => [],
    });
    vi.stubGlobal('fetch', fetch);
    window.history.replaceState(null, '', `/deployments/${DEPLOYMENT.id}`);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Custom run' }));
    const month = screen.getByLabelText(/^month/) as HTMLInputElement;
    expect(month.value).toBe('5');
    fireEvent.change(month, { target: { value: '13' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create run' }));
    const field = document.querySelector('[data-field=month]')!;
    expect(within(field as HTMLElement).getByRole('alert').textContent).toBe('Must be at most 12');
    expect(month.getAttribute('aria-invalid')).toBe('true');
    expect(fetch.calls.some((c) => c.key.endsWith('/create_flow_run'))).toBe(false);

    fireEvent.change(month, { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText(/^region/), { target: { value: 'zz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create run' }));
    const region = document.querySelector('[data-field=region]') as HTMLElement;
    await waitFor(() => expect(within(region).getByRole('alert').textContent).toContain("Parameter 'region' is invalid"));
    expect(fetch.calls.find((c) => c.key.endsWith('/create_flow_run'))!.body).toEqual({ parameters: { month: 12, region: 'zz' } });

    answer = 'ok';
    fireEvent.change(screen.getByLabelText(/^region/), { target: { value: 'eu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create run' }));
    await waitFor(() => expect(window.location.pathname).toBe(`/runs/${created.id}`));
  });
});
