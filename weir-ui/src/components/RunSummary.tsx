/**
 * The result summary of a finished flow run: how it ended (its final state and message), how long it
 * ran, its task runs counted by state, and where its result was persisted (the state's resultKey).
 * The API serves no result contents, so the key is shown as text, never as a link.
 */
import { Duration, StateBadge } from './common';
import { runDuration } from './FlowRunTable';
import { parseIsoDuration } from '../lib/time';
import type { FlowRun, StateType, TaskRun } from '../lib/types';

/** Failures first, as the dashboard counts them. */
const COUNT_ORDER: StateType[] = ['FAILED', 'CRASHED', 'CANCELLED', 'COMPLETED', 'CANCELLING', 'PAUSED', 'RUNNING', 'PENDING', 'SCHEDULED'];

export const RESULT_TOOLTIP =
  'Where the result was written in the result storage of the process that ran the flow. No API endpoint serves result contents; read it with the SDK from that storage.';

export const NOT_PERSISTED_TOOLTIP = 'The flow did not persist its result (see persistResult on @Flow).';

/** How many task runs are in each state, in COUNT_ORDER, leaving out states with none. */
export function countByState(taskRuns: TaskRun[]): { type: StateType; count: number }[] {
  const counts = new Map<StateType, number>();
  for (const t of taskRuns) counts.set(t.state.type, (counts.get(t.state.type) ?? 0) + 1);
  return COUNT_ORDER.filter((type) => counts.has(type)).map((type) => ({ type, count: counts.get(type)! }));
}

/** The time the run spent running (the server's totalRunTime), or its start to end when that is not recorded. */
export function runTime(run: FlowRun): number | null {
  const total = parseIsoDuration(run.totalRunTime);
  return total !== null && total > 0 ? total : runDuration(run);
}

export function RunSummary({ run, taskRuns }: { run: FlowRun; taskRuns?: TaskRun[] }) {
  const { state } = run;
  const bad = state.type === 'FAILED' || state.type === 'CRASHED';
  const counts = taskRuns ? countByState(taskRuns) : undefined;
  const resultKey = state.details?.resultKey;
  return (
    <section className="panel run-summary" aria-labelledby="summary-title" data-testid="run-summary">
      <h2 id="summary-title">Result</h2>
      <div className="summary-grid">
        <div>
          <div className="summary-label">Ended</div>
          <StateBadge state={state} />
          {state.message ? (
            <div className={`state-message${bad ? ' bad' : ''}`} data-testid="state-message">
              {state.message}
            </div>
          ) : (
            <span className="muted small"> no message</span>
          )}
        </div>
        <div>
          <div className="summary-label">Run time</div>
          <span data-testid="summary-run-time" title="Time spent Running, without pauses or waits for a worker">
            <Duration ms={runTime(run)} />
          </span>
          {run.runCount > 1 && <span className="muted small"> over {run.runCount} attempts</span>}
        </div>
        <div>
          <div className="summary-label">Task runs</div>
          {counts === undefined ? (
            <span className="muted">…</span>
          ) : counts.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul className="state-counts" data-testid="summary-task-counts">
              {counts.map(({ type, count }) => (
                <li key={type} data-state={type}>
                  <StateBadge type={type} /> <span className="num">{count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <div className="summary-label">Result</div>
          {resultKey ? (
            <span title={RESULT_TOOLTIP} data-testid="summary-result-key">
              persisted as <code className="mono small">{resultKey}</code>
            </span>
          ) : (
            <span className="muted" data-testid="summary-result-none" title={state.type === 'COMPLETED' ? NOT_PERSISTED_TOOLTIP : undefined}>
              {state.type === 'COMPLETED' ? 'not persisted' : 'none: the run did not complete'}
            </span>
          )}
        </div>
      </div>
    </section>
  );
}

/** Where a run's artifacts will be listed once the API serves them; nothing is made up meanwhile. */
export function ArtifactsSoon() {
  return (
    <section className="artifacts-soon" aria-labelledby="artifacts-title" data-testid="artifacts">
      <h2 id="artifacts-title">Artifacts</h2>
      <p className="muted">
        Coming soon: the tables, links, Markdown and progress this run publishes will be listed here. The server's API does not offer
        artifacts yet; they arrive with a later release.
      </p>
    </section>
  );
}
