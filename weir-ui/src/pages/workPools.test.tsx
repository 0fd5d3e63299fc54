import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { connection } from '../lib/api';
import { aWorker, aWorkPool, aWorkQueue, mockFetch } from '../test/fixtures';

function at(path: string) {
  window.history.replaceState(null, '', path);
}

beforeEach(() => {
  sessionStorage.clear();
  connection.update({ down: false, needsKey: false });
  // Only the clock is fake: "x s ago" is read from a fixed now, timers still run.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-03T12:00:42Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('work pools list', () => {
  it('lists the pools with type, status and concurrency limit, linking to each', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch({
        'GET /api/work_pools': () => [
          aWorkPool('local', { concurrencyLimit: 4 }),
          aWorkPool('gpu', { paused: true, status: 'PAUSED', description: 'the big machines' }),
          aWorkPool('idle', { status: 'NOT_READY' }),
        ],
      }),
    );
    at('/work-pools');
    render(<App />);
    const table = await screen.findByTestId('work-pool-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-pool'))).toEqual(['local', 'gpu', 'idle']);
    expect(within(rows[0]).getByText('local').getAttribute('href')).toBe('/work-pools/local');
    expect(within(rows[0]).getByText('Ready').getAttribute('data-status')).toBe('READY');
    expect(rows[0].textContent).toContain('process');
    expect(rows[0].textContent).toContain('4');
    expect(within(rows[1]).getByText('Paused')).toBeTruthy();
    expect(rows[1].textContent).toContain('the big machines');
    expect(rows[2].textContent).toContain('none');
    expect(within(rows[2]).getByText('Not ready')).toBeTruthy();
    expect(screen.getByRole('link', { current: 'page' }).textContent).toBe('Work pools');
  });

  it('shows a designed empty state without pools', async () => {
    vi.stubGlobal('fetch', mockFetch({ 'GET /api/work_pools': () => [] }));
    at('/work-pools');
    render(<App />);
    expect(await screen.findByText('No work pools yet')).toBeTruthy();
  });
});

describe('work pool page', () => {
  const routes = (pool = aWorkPool('local')) => {
    let current = pool;
    return mockFetch({
      'GET /api/work_pools/local': () => current,
      'GET /api/work_pools/local/queues': () => [
        aWorkQueue('local', 'default', { priority: 1, lastPolled: '2026-05-03T12:00:30Z', status: 'READY' }),
        aWorkQueue('local', 'slow', { priority: 2, concurrencyLimit: 1, paused: true, status: 'PAUSED' }),
      ],
      'GET /api/work_pools/local/workers': () => [
        aWorker('local', 'w1', { lastHeartbeat: '2026-05-03T12:00:30Z' }),
        aWorker('local', 'w2', { lastHeartbeat: '2026-05-03T11:40:00Z', status: 'OFFLINE' }),
      ],
      'POST /api/work_pools/local/pause': () => (current = { ...current, paused: true, status: 'PAUSED', updated: '2026-05-03T12:00:41Z' }),
      'POST /api/work_pools/local/resume': () => (current = { ...current, paused: false, status: 'READY', updated: '2026-05-03T12:00:42Z' }),
    });
  };

  it('shows workers with status and last heartbeat (local time, UTC on hover, how long ago) and queues', async () => {
    vi.stubGlobal('fetch', routes());
    at('/work-pools/local');
    render(<App />);
    const workers = await screen.findByTestId('worker-table');
    const [w1, w2] = within(workers).getAllByRole('row').slice(1);
    expect(within(w1).getByText('Online').getAttribute('data-status')).toBe('ONLINE');
    expect(w1.textContent).toContain('12 s ago');
    expect(w1.querySelector('time')!.getAttribute('title')).toBe('2026-05-03 12:00:30.000 UTC');
    expect(w1.querySelector('time')!.textContent).toMatch(/12:00:30/);
    expect(within(w2).getByText('Offline')).toBeTruthy();
    expect(w2.textContent).toContain('20 min ago');

    const queues = await screen.findByTestId('queue-table');
    const [q1, q2] = within(queues).getAllByRole('row').slice(1);
    expect(q1.getAttribute('data-queue')).toBe('default');
    expect(within(q1).getByText('Ready')).toBeTruthy();
    expect(q1.textContent).toContain('none');
    expect(q1.textContent).toContain('12 s ago');
    expect(within(q2).getByText('Paused')).toBeTruthy();
    expect(q2.textContent).toContain('never');
    expect(within(q2).getAllByRole('cell')[3].textContent).toBe('1');
  });

  it('pauses and resumes the pool through the API', async () => {
    const fetch = routes();
    vi.stubGlobal('fetch', fetch);
    at('/work-pools/local');
    render(<App />);
    const pause = await screen.findByRole('button', { name: 'Pause' });
    await act(async () => fireEvent.click(pause));
    await screen.findByRole('button', { name: 'Resume' });
    expect(within(screen.getByRole('heading', { level: 1 })).getByText('Paused')).toBeTruthy();
    expect(fetch.calls.some((c) => c.key === 'POST /api/work_pools/local/pause')).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Resume' })));
    await screen.findByRole('button', { name: 'Pause' });
    expect(fetch.calls.some((c) => c.key === 'POST /api/work_pools/local/resume')).toBe(true);
  });

  it('shows not found for an unknown pool', async () => {
    vi.stubGlobal('fetch', mockFetch({}));
    at('/work-pools/nope');
    render(<App />);
    expect(await screen.findByTestId('not-found')).toBeTruthy();
  });
});

describe('dashboard', () => {
  it('shows each pool with its online workers, ready queues and whether it is paused', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch({
        'POST /api/flow_runs/count': () => ({ count: 0 }),
        'POST /api/flow_runs/filter': () => [],
        'GET /api/work_pools': () => [aWorkPool('local'), aWorkPool('gpu', { paused: true, status: 'PAUSED' })],
        'GET /api/work_pools/local/workers': () => [aWorker('local', 'w1'), aWorker('local', 'w2', { status: 'OFFLINE' })],
        'GET /api/work_pools/local/queues': () => [aWorkQueue('local', 'default', { status: 'READY' })],
        'GET /api/work_pools/gpu/workers': () => [],
        'GET /api/work_pools/gpu/queues': () => [aWorkQueue('gpu', 'default'), aWorkQueue('gpu', 'b', { priority: 2 })],
      }),
    );
    at('/');
    render(<App />);
    const panel = await screen.findByTestId('pool-health');
    const [local, gpu] = within(panel).getAllByRole('row').slice(1);
    expect(within(local).getByTestId('workers-online').textContent).toBe('1 of 2');
    expect(within(local).getByTestId('queues-ready').textContent).toBe('1 of 1');
    expect(within(local).getByText('local').getAttribute('href')).toBe('/work-pools/local');
    expect(within(gpu).getByTestId('workers-online').textContent).toBe('0 of 0');
    expect(within(gpu).getByTestId('queues-ready').textContent).toBe('0 of 2');
    expect(within(gpu).getByText('Paused')).toBeTruthy();
    expect(gpu.textContent).toContain('Yes');
    // Failed and late runs come before the pools.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.indexOf('Work pools')).toBeGreaterThan(headings.indexOf('Late runs'));
    expect(headings.indexOf('Late runs')).toBeGreaterThan(headings.indexOf('Failed and crashed runs'));
  });

  it('says so when there are no pools', async () => {
    vi.stubGlobal(
      'fetch',
      mockFetch({ 'POST /api/flow_runs/count': () => ({ count: 0 }), 'POST /api/flow_runs/filter': () => [], 'GET /api/work_pools': () => [] }),
    );
    at('/');
    render(<App />);
    await waitFor(() => expect(screen.getByText('No work pools')).toBeTruthy());
  });
});
