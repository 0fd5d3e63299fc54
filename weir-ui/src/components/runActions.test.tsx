import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { connection } from '../lib/api';
import type { FlowRun, State } from '../lib/types';
import { aFlowRun, aProblem, aState, mockFetch } from '../test/fixtures';
import { NO_RETRY_TOOLTIP, pauseOf } from './RunActions';

beforeEach(() => {
  sessionStorage.clear();
  connection.update({ down: false, needsKey: false });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A server holding one run, whose state the action routes may change. */
function serve(run: FlowRun, actions: Record<string, (body: unknown, current: FlowRun) => unknown>) {
  let current = run;
  const routes: Record<string, (body: unknown) => unknown> = {
    [`GET /api/flow_runs/${run.id}`]: () => current,
    [`GET /api/flow_runs/${run.id}/states`]: () => [current.state],
    [`GET /api/flow_runs/${run.id}/task_runs`]: () => [],
    'POST /api/logs/filter': () => [],
  };
  for (const [action, answer] of Object.entries(actions)) {
    routes[`POST /api/flow_runs/${run.id}/${action}`] = (body) => {
      const result = answer(body, current) as { status?: string; state?: State } | Response;
      if (!(result instanceof Response) && result.status === 'ACCEPT' && result.state) current = { ...current, state: result.state };
      return result;
    };
  }
  const fetch = mockFetch(routes);
  vi.stubGlobal('fetch', fetch);
  window.history.replaceState(null, '', `/runs/${run.id}`);
  render(<App />);
  return fetch;
}

const reads = (fetch: ReturnType<typeof mockFetch>, id: string) => fetch.calls.filter((c) => c.key === `GET /api/flow_runs/${id}`).length;

describe('cancel', () => {
  it('asks first, sends nothing when kept, then cancels and reads the run again', async () => {
    const run = aFlowRun({ state: aState('SCHEDULED'), deploymentId: undefined });
    const fetch = serve(run, { cancel: () => ({ status: 'ACCEPT', state: aState('CANCELLED', '2026-05-03T12:01:00Z') }) });
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();

    fireEvent.click(cancel);
    const dialog = screen.getByRole('dialog', { name: 'Cancel this run?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetch.calls.some((c) => c.key.endsWith('/cancel'))).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    const before = reads(fetch, run.id);
    await act(async () => fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel the run' })));
    await waitFor(() => expect(within(screen.getByRole('heading', { level: 1 })).getByText('Cancelled')).toBeTruthy());
    const call = fetch.calls.find((c) => c.key === `POST /api/flow_runs/${run.id}/cancel`)!;
    expect(call.body).toBeUndefined();
    expect(reads(fetch, run.id)).toBeGreaterThan(before);
    expect(screen.getByTestId('action-outcome').textContent).toContain('now Cancelled');
    // A cancelled run is final: no Cancel any more, and without a deployment no Retry either.
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('shows the reason of a rejected cancel', async () => {
    const run = aFlowRun({ state: aState('RUNNING') });
    serve(run, { cancel: (_, current) => ({ status: 'REJECT', state: current.state, reason: 'the run already finished' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel the run' })));
    const outcome = await screen.findByTestId('action-outcome');
    expect(outcome.textContent).toContain('Cancel was rejected: the run already finished');
    expect(outcome.getAttribute('role')).toBe('alert');
  });

  it('shows the reason of an aborted cancel', async () => {
    const run = aFlowRun({ state: aState('PENDING') });
    serve(run, { cancel: (_, current) => ({ status: 'ABORT', state: current.state, reason: 'the run moved on' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel the run' })));
    expect((await screen.findByTestId('action-outcome')).textContent).toContain('Cancel was aborted: the run moved on');
  });
});

describe('retry', () => {
  it('retries a finished deployment run and shows its new state', async () => {
    const run = aFlowRun({ state: aState('FAILED'), deploymentId: '0193aaaa-0000-7000-8000-000000000000' });
    const fetch = serve(run, { retry: () => ({ status: 'ACCEPT', state: aState('SCHEDULED', '2026-05-03T12:01:00Z') }) });
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    await act(async () => fireEvent.click(retry));
    await waitFor(() => expect(within(screen.getByRole('heading', { level: 1 })).getByText('Scheduled')).toBeTruthy());
    expect(fetch.calls.find((c) => c.key === `POST /api/flow_runs/${run.id}/retry`)!.body).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it("shows a 409's detail", async () => {
    const run = aFlowRun({ state: aState('COMPLETED'), deploymentId: '0193aaaa-0000-7000-8000-000000000000' });
    serve(run, { retry: () => aProblem(409, 'The deployment was deleted; nothing can run this again') });
    const retry = await screen.findByRole('button', { name: 'Retry' });
    await act(async () => fireEvent.click(retry));
    expect((await screen.findByTestId('action-outcome')).textContent).toContain('The deployment was deleted; nothing can run this again');
  });

  it('is disabled with a tooltip for a run without deployment', async () => {
    const run = aFlowRun({ state: aState('CRASHED') });
    serve(run, {});
    const wrap = await screen.findByTestId('retry-disabled');
    expect(wrap.getAttribute('title')).toBe(NO_RETRY_TOOLTIP);
    expect((within(wrap).getByRole('button') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('resume', () => {
  const paused = (details: State['details']) => aFlowRun({ state: { ...aState('PAUSED'), details } });

  it('reads the flat pauseTimeout and runInputSchema too', () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } } };
    expect(pauseOf({ ...aState('PAUSED'), details: { pauseTimeout: '2026-05-03T13:00:00Z', runInputSchema: schema } })).toEqual({
      timeout: '2026-05-03T13:00:00Z',
      inputSchema: schema,
    });
    expect(pauseOf({ ...aState('PAUSED'), details: { pause: { timeout: null, key: 'k', inputSchema: null } } })).toEqual({});
  });

  it('shows how long a WAIT asks to wait', async () => {
    const run = paused(undefined);
    serve(run, { resume: (_, current) => ({ status: 'WAIT', state: current.state, reason: 'the run is busy', delaySeconds: 2.5 }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }));
    await act(async () => fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Resume' })));
    expect((await screen.findByTestId('action-outcome')).textContent).toContain('Resume must wait: the run is busy; try again in 3 s.');
  });

  it('sends an empty body when the flow waits for no input', async () => {
    const run = paused(undefined);
    const fetch = serve(run, { resume: () => ({ status: 'ACCEPT', state: aState('RUNNING', '2026-05-03T12:01:00Z') }) });
    expect(await screen.findByRole('button', { name: 'Cancel' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    const dialog = screen.getByRole('dialog', { name: 'Resume this run' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Resume' })));
    await waitFor(() => expect(within(screen.getByRole('heading', { level: 1 })).getByText('Running')).toBeTruthy());
    expect(fetch.calls.find((c) => c.key.endsWith('/resume'))!.body).toEqual({});
  });

  it('shows the pause timeout, checks the run input against its schema, and puts a 422 beside its field', async () => {
    // As weir-core's StateDetails writes it: details.pause = {timeout, key, inputSchema}.
    const run = paused({
      pause: {
        timeout: '2026-05-03T13:00:00Z',
        key: 'approval-1',
        inputSchema: {
          type: 'object',
          properties: {
            approver: { title: 'approver', type: 'string', minLength: 2 },
            amount: { title: 'amount', type: 'integer', maximum: 100 },
          },
          required: ['approver'],
        },
      },
    });
    let answer: 'problem' | 'ok' = 'problem';
    const fetch = serve(run, {
      resume: () =>
        answer === 'problem'
          ? aProblem(422, "Run input 'approver' is not allowed to approve", 'runInput.approver')
          : { status: 'ACCEPT', state: aState('RUNNING', '2026-05-03T12:01:00Z') },
    });
    expect((await screen.findByTestId('run-pause-timeout')).querySelector('time')!.getAttribute('title')).toBe('2026-05-03 13:00:00.000 UTC');
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    const dialog = screen.getByRole('dialog', { name: 'Resume this run' });
    expect(within(dialog).getByTestId('pause-timeout').textContent).toMatch(/Times out at .*13:00:00/);

    fireEvent.change(within(dialog).getByLabelText(/^amount/), { target: { value: '500' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Resume' }));
    const approver = dialog.querySelector('[data-field=approver]') as HTMLElement;
    const amount = dialog.querySelector('[data-field=amount]') as HTMLElement;
    expect(within(approver).getByRole('alert').textContent).toBe('Required');
    expect(within(amount).getByRole('alert').textContent).toBe('Must be at most 100');
    expect(fetch.calls.some((c) => c.key.endsWith('/resume'))).toBe(false);

    fireEvent.change(within(dialog).getByLabelText(/^approver/), { target: { value: 'mallory' } });
    fireEvent.change(within(dialog).getByLabelText(/^amount/), { target: { value: '50' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Resume' })));
    await waitFor(() => expect(within(approver).getByRole('alert').textContent).toContain('is not allowed to approve'));
    expect(fetch.calls.find((c) => c.key.endsWith('/resume'))!.body).toEqual({ runInput: { approver: 'mallory', amount: 50 } });

    answer = 'ok';
    fireEvent.change(within(dialog).getByLabelText(/^approver/), { target: { value: 'alice' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Resume' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(screen.getByRole('heading', { level: 1 })).getByText('Running')).toBeTruthy());
  });
});
