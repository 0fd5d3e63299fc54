import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { connection, setApiKey } from '../lib/api';
import { aFlowRun, aLogLine, aState, aTaskRun, mockFetch } from '../test/fixtures';

function at(path: string) {
  window.history.replaceState(null, '', path);
}

beforeEach(() => {
  sessionStorage.clear();
  connection.update({ down: false, needsKey: false });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('flow runs list', () => {
  it('renders the runs the API returns, with state badges and links', async () => {
    const failed = aFlowRun({ name: 'broken-run', flowName: 'broken', state: aState('FAILED', undefined, 'bad row 17') });
    const fetch = mockFetch({
      'POST /api/flow_runs/filter': () => [aFlowRun({ name: 'happy-run' }), failed],
      'POST /api/flow_runs/count': () => ({ count: 2 }),
      'GET /api/flows': () => [{ id: 'f1', name: 'pipeline', created: '2026-05-03T12:00:00Z' }],
    });
    vi.stubGlobal('fetch', fetch);
    at('/runs?state=FAILED&state=COMPLETED&sort=NAME_ASC');
    render(<App />);
    const table = await screen.findByTestId('flow-run-table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[2]).getByText('broken-run').getAttribute('href')).toBe(`/runs/${failed.id}`);
    expect(within(rows[2]).getByText('Failed').getAttribute('data-state')).toBe('FAILED');
    expect(screen.getByTestId('run-count').textContent).toBe('1–2 of 2');
    const query = fetch.calls.find((c) => c.key === 'POST /api/flow_runs/filter')!.body;
    expect(query).toEqual({ states: ['FAILED', 'COMPLETED'], sort: 'NAME_ASC', limit: 25, offset: 0 });
  });

  it('filters by deployment and by tags, kept in the URL', async () => {
    const deployment = { id: '0193dddd-0000-7000-8000-000000000000', name: 'monthly', flowName: 'pipeline' };
    const fetch = mockFetch({
      'POST /api/flow_runs/filter': () => [aFlowRun({ name: 'tagged', tags: ['etl', 'nightly'], deploymentId: deployment.id })],
      'POST /api/flow_runs/count': () => ({ count: 1 }),
      'GET /api/flows': () => [],
      'POST /api/deployments/filter': () => [deployment],
    });
    vi.stubGlobal('fetch', fetch);
    at(`/runs?deployment=${deployment.id}&tag=etl`);
    render(<App />);
    await screen.findByTestId('flow-run-table');
    const lastQuery = () => fetch.calls.filter((c) => c.key === 'POST /api/flow_runs/filter').at(-1)!.body as Record<string, unknown>;
    expect(lastQuery()).toMatchObject({ deploymentId: deployment.id, tags: ['etl'] });
    expect(fetch.calls.find((c) => c.key === 'POST /api/flow_runs/count')!.body).toMatchObject({ deploymentId: deployment.id, tags: ['etl'] });
    const select = screen.getByLabelText('Deployment') as HTMLSelectElement;
    await waitFor(() => expect(select.selectedOptions[0].textContent).toBe('pipeline/monthly'));

    const input = screen.getByLabelText('Add a tag');
    fireEvent.change(input, { target: { value: 'nightly, etl' } });
    await act(async () => fireEvent.submit(input.closest('form')!));
    expect(window.location.search).toBe(`?deployment=${deployment.id}&tag=etl&tag=nightly&period=all&sort=CREATED_DESC`);
    await waitFor(() => expect(lastQuery().tags).toEqual(['etl', 'nightly']));

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Remove tag etl' })));
    await act(async () => fireEvent.change(select, { target: { value: '' } }));
    expect(window.location.search).toBe('?tag=nightly&period=all&sort=CREATED_DESC');
    await waitFor(() => expect(lastQuery()).toEqual({ tags: ['nightly'], sort: 'CREATED_DESC', limit: 25, offset: 0 }));
  });

  it('shows a designed empty state when there are no runs', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch({ 'POST /api/flow_runs/filter': () => [], 'POST /api/flow_runs/count': () => ({ count: 0 }), 'GET /api/flows': () => [] }),
    );
    at('/runs');
    render(<App />);
    expect(await screen.findByText('No flow runs yet')).toBeTruthy();
  });

  it('shows the server-down banner when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    at('/runs');
    render(<App />);
    expect((await screen.findByRole('alert', {}, { timeout: 2000 })).textContent).toContain('does not answer');
  });

  it('sends the API key as a Bearer token, and asks for a key again on a 401', async () => {
    setApiKey('weir_secret');
    const fetch = mockFetch({
      'POST /api/flow_runs/filter': () => new Response(JSON.stringify({ status: 401, detail: 'The API key is unknown or revoked' }), { status: 401 }),
      'POST /api/flow_runs/count': () => ({ count: 0 }),
      'GET /api/flows': () => [],
    });
    vi.stubGlobal('fetch', fetch);
    at('/runs');
    render(<App />);
    expect(await screen.findByText('This Weir server needs an API key')).toBeTruthy();
    expect(fetch.calls[0].headers.Authorization).toBe('Bearer weir_secret');
  });
});

describe('flow run page', () => {
  it('shows not found for an unknown run id', async () => {
    vi.stubGlobal('fetch', mockFetch({}));
    at('/runs/01930000-0000-7000-8000-000000000000');
    render(<App />);
    expect(await screen.findByTestId('not-found')).toBeTruthy();
  });

  it('renders log lines and parameters as text, never as HTML', async () => {
    const run = aFlowRun({ state: aState('FAILED'), parameters: { html: '<img src=x onerror=alert(1)>' } });
    const evil = '<script>window.pwned = true</script><b>bold</b>';
    vi.stubGlobal(
      'fetch',
      mockFetch({
        [`GET /api/flow_runs/${run.id}`]: () => run,
        [`GET /api/flow_runs/${run.id}/states`]: () => [aState('RUNNING'), aState('FAILED', '2026-05-03T12:00:03Z')],
        [`GET /api/flow_runs/${run.id}/task_runs`]: () => [aTaskRun('explode', { state: aState('FAILED', undefined, 'bad row 17'), startTime: '2026-05-03T12:00:01Z', endTime: '2026-05-03T12:00:02Z' })],
        'POST /api/logs/filter': () => [aLogLine(1, 'ERROR', evil), aLogLine(2, 'INFO', 'plain')],
      }),
    );
    at(`/runs/${run.id}`);
    render(<App />);
    const logs = await screen.findByTestId('log-lines');
    expect(within(logs).getByText(evil)).toBeTruthy();
    expect(logs.querySelector('script')).toBeNull();
    expect(logs.querySelector('b')).toBeNull();
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
    expect(within(screen.getByTestId('task-timeline')).getByText('explode')).toBeTruthy();
    await act(async () => screen.getByRole('tab', { name: 'Parameters' }).click());
    const params = screen.getByTestId('parameters');
    expect(params.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(params.querySelector('img')).toBeNull();
  });
});

describe('navigation', () => {
  it('shows coming-soon pages for what the API does not have yet', async () => {
    vi.stubGlobal('fetch', mockFetch({}));
    at('/blocks');
    render(<App />);
    expect(screen.getByText('Coming soon')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('link', { current: 'page' }).textContent).toContain('Blocks'));
    for (const label of ['Variables', 'Artifacts', 'Automations', 'Concurrency']) {
      expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: new RegExp(label) }).textContent).toContain('soon');
    }
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Work pools' }).textContent).not.toContain('soon');
  });
});
