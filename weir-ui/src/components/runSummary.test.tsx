import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { connection } from '../lib/api';
import type { FlowRun, TaskRun } from '../lib/types';
import { aFlowRun, aState, aTaskRun, mockFetch } from '../test/fixtures';
import { countByState, NOT_PERSISTED_TOOLTIP, RESULT_TOOLTIP, runTime } from './RunSummary';

beforeEach(() => {
  sessionStorage.clear();
  connection.update({ down: false, needsKey: false });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function show(run: FlowRun, taskRuns: TaskRun[]) {
  vi.stubGlobal(
    'fetch',
    mockFetch({
      [`GET /api/flow_runs/${run.id}`]: () => run,
      [`GET /api/flow_runs/${run.id}/states`]: () => [run.state],
      [`GET /api/flow_runs/${run.id}/task_runs`]: () => taskRuns,
      'POST /api/logs/filter': () => [],
    }),
  );
  window.history.replaceState(null, '', `/runs/${run.id}`);
  render(<App />);
}

const tasks = [
  aTaskRun('extract-0'),
  aTaskRun('clean-0'),
  aTaskRun('load-0', { state: aState('FAILED', undefined, 'bad row 17') }),
  aTaskRun('audit-0', { state: aState('CRASHED') }),
  aTaskRun('enrich-0'),
];

describe('result summary', () => {
  it('counts task runs by state, failures first, leaving out states with none', () => {
    expect(countByState(tasks)).toEqual([
      { type: 'FAILED', count: 1 },
      { type: 'CRASHED', count: 1 },
      { type: 'COMPLETED', count: 3 },
    ]);
    expect(countByState([])).toEqual([]);
  });

  it("takes the run time from the server's totalRunTime, else from start to end", () => {
    expect(runTime(aFlowRun({ totalRunTime: 'PT1M4.5S' }))).toBe(64_500);
    expect(runTime(aFlowRun({ totalRunTime: 'PT0S', startTime: '2026-05-03T12:00:00Z', endTime: '2026-05-03T12:00:02Z' }))).toBe(2000);
  });

  it('shows how a completed run ended, its run time, its task counts and its result key as text', async () => {
    const run = aFlowRun({
      state: { ...aState('COMPLETED', '2026-05-03T12:00:05Z', 'All 5 task runs completed'), details: { resultKey: 'results/7f3a9c.json' } },
      totalRunTime: 'PT4.2S',
    });
    show(run, tasks);
    const summary = await screen.findByTestId('run-summary');
    expect(within(summary).getByTestId('state-message').textContent).toBe('All 5 task runs completed');
    expect(within(summary).getByTestId('summary-run-time').textContent).toBe('4.2s');
    const counts = await within(summary).findByTestId('summary-task-counts');
    expect([...counts.querySelectorAll('li')].map((li) => `${li.getAttribute('data-state')} ${li.textContent}`)).toEqual([
      'FAILED Failed 1',
      'CRASHED Crashed 1',
      'COMPLETED Completed 3',
    ]);
    const key = within(summary).getByTestId('summary-result-key');
    expect(key.textContent).toBe('persisted as results/7f3a9c.json');
    expect(key.getAttribute('title')).toBe(RESULT_TOOLTIP);
    expect(key.querySelector('a')).toBeNull();
    // The message is shown once, in the summary, not again above it.
    expect(screen.getAllByTestId('state-message')).toHaveLength(1);
    expect(screen.getByTestId('artifacts').textContent).toContain('later release');
  });

  it('says when a completed run kept no result, and a failed run shows its message as a failure', async () => {
    const completed = aFlowRun({ state: aState('COMPLETED') });
    show(completed, []);
    const none = await screen.findByTestId('summary-result-none');
    expect(none.textContent).toBe('not persisted');
    expect(none.getAttribute('title')).toBe(NOT_PERSISTED_TOOLTIP);
    expect((await screen.findByTestId('run-summary')).textContent).toContain('none');
    cleanup();

    const failed = aFlowRun({ state: aState('FAILED', undefined, '<b>IllegalArgumentException</b>: bad row 17') });
    show(failed, tasks.slice(2, 3));
    const message = await screen.findByTestId('state-message');
    expect(message.className).toContain('bad');
    expect(message.textContent).toBe('<b>IllegalArgumentException</b>: bad row 17');
    expect(message.querySelector('b')).toBeNull();
    expect(screen.getByTestId('summary-result-none').textContent).toBe('none: the run did not complete');
  });

  it('is not shown while the run is not finished; the artifacts place is', async () => {
    const running = aFlowRun({ state: aState('RUNNING', undefined, 'Working'), endTime: undefined });
    show(running, tasks.slice(0, 1));
    expect((await screen.findByTestId('state-message')).textContent).toBe('Working');
    expect(screen.queryByTestId('run-summary')).toBeNull();
    expect(screen.getByTestId('artifacts').textContent).toContain('Coming soon');
  });
});
