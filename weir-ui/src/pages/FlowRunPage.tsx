/** One flow run: its state and history, task runs as a timeline and a graph, logs, parameters and subflows. */
import { useState } from 'react';
import { Async, Duration, Empty, ErrorBox, Loading, PageHeader, StateBadge, Time } from '../components/common';
import { FlowRunTable, runDuration } from '../components/FlowRunTable';
import { LogsPanel } from '../components/LogsPanel';
import { pauseOf, RunActions } from '../components/RunActions';
import { ArtifactsSoon, RunSummary } from '../components/RunSummary';
import { TaskGraph } from '../components/TaskGraph';
import { TaskTimeline } from '../components/TaskTimeline';
import { api, ApiError } from '../lib/api';
import { Link } from '../lib/router';
import { isFinal, stateColour } from '../lib/states';
import { elapsed } from '../lib/time';
import type { FlowRun, State, TaskRun } from '../lib/types';
import { useApi } from '../lib/useApi';
import { NotFound } from './Placeholders';

const TABS = ['Logs', 'Graph', 'Subflows', 'Parameters', 'States'] as const;
type Tab = (typeof TABS)[number];

export function FlowRunPage({ id }: { id: string }) {
  const [final, setFinal] = useState(false);
  const run = useApi((signal) => api.flowRun(id, signal), [id], { refreshMs: final ? 0 : 3000 });
  const runFinal = isFinal(run.data?.state.type);
  if (runFinal !== final) setFinal(runFinal);
  const tasks = useApi((signal) => api.taskRuns(id, signal), [id], { refreshMs: final ? 0 : 3000 });
  const states = useApi((signal) => api.flowRunStates(id, signal), [id, run.data?.state.timestamp]);
  const [tab, setTab] = useState<Tab>('Logs');
  const [taskFilter, setTaskFilter] = useState<string | undefined>();

  if (run.error instanceof ApiError && (run.error.status === 404 || run.error.status === 400)) {
    return <NotFound what="flow run" />;
  }
  if (!run.data) return run.error ? <ErrorBox error={run.error} onRetry={run.reload} /> : <Loading what="Loading the flow run" />;
  const flowRun = run.data;
  const taskRuns = tasks.data ?? [];

  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/runs">Flow runs</Link> / <Link href={`/flows/${encodeURIComponent(flowRun.flowName)}`}>{flowRun.flowName}</Link>
          </>
        }
        title={
          <>
            {flowRun.name} <StateBadge state={flowRun.state} />
          </>
        }
      >
        <RunActions
          run={flowRun}
          onChanged={() => {
            run.reload();
            tasks.reload();
          }}
        />
      </PageHeader>
      {!runFinal && flowRun.state.message && (
        <div className={`state-message${flowRun.state.type === 'FAILED' || flowRun.state.type === 'CRASHED' ? ' bad' : ''}`} data-testid="state-message">
          {flowRun.state.message}
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>Flow</dt>
          <dd>
            {flowRun.flowName}
            {flowRun.flowVersion && <span className="muted"> v{flowRun.flowVersion}</span>}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <Time iso={flowRun.startTime ?? flowRun.expectedStartTime} />
          </dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>
            <Time iso={flowRun.endTime} />
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>
            <Duration ms={runDuration(flowRun)} />
          </dd>
        </div>
        {flowRun.state.type === 'PAUSED' && pauseOf(flowRun.state).timeout && (
          <div>
            <dt>Times out at</dt>
            <dd data-testid="run-pause-timeout">
              <Time iso={pauseOf(flowRun.state).timeout} />
            </dd>
          </div>
        )}
        {flowRun.deploymentId && (
          <div>
            <dt>Deployment</dt>
            <dd>
              <DeploymentLink id={flowRun.deploymentId} />
            </dd>
          </div>
        )}
        <div>
          <dt>Attempts</dt>
          <dd className="num">{flowRun.runCount}</dd>
        </div>
        <div>
          <dt>Task runs</dt>
          <dd className="num">{tasks.data ? taskRuns.length : '…'}</dd>
        </div>
        {flowRun.parentTaskRunId && (
          <div>
            <dt>Subflow of</dt>
            <dd>
              <ParentLink taskRunId={flowRun.parentTaskRunId} />
            </dd>
          </div>
        )}
        {flowRun.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>
              {flowRun.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </dd>
          </div>
        )}
        <div>
          <dt>Id</dt>
          <dd className="mono small">{flowRun.id}</dd>
        </div>
      </dl>
      {states.data && <StateStrip states={states.data} />}
      {runFinal && <RunSummary run={flowRun} taskRuns={tasks.data} />}

      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">Task runs</h2>
        <Async loaded={tasks} what="Loading task runs">
          {(list) =>
            list.length === 0 ? (
              <Empty title="No task runs">{isFinal(flowRun.state.type) ? 'This run called no tasks.' : 'Task runs appear as the flow calls them.'}</Empty>
            ) : (
              <TaskTimeline runs={list} selected={taskFilter} onSelect={(t) => { setTaskFilter(t); setTab('Logs'); }} />
            )
          }
        </Async>
      </section>

      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'active' : undefined} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab}>
        {tab === 'Logs' && (
          <LogsPanel flowRunId={flowRun.id} taskRuns={taskRuns} running={!isFinal(flowRun.state.type)} taskRunId={taskFilter} onTaskRunId={setTaskFilter} />
        )}
        {tab === 'Graph' &&
          (taskRuns.length === 0 ? <Empty title="No task runs to draw" /> : <TaskGraph runs={taskRuns} onSelect={(t) => { setTaskFilter(t); setTab('Logs'); }} />)}
        {tab === 'Subflows' && <Subflows taskRuns={taskRuns} />}
        {tab === 'Parameters' && <Parameters run={flowRun} />}
        {tab === 'States' && <StateHistory loaded={states} />}
      </div>
      <ArtifactsSoon />
    </>
  );
}

function DeploymentLink({ id }: { id: string }) {
  const deployment = useApi((signal) => api.deployment(id, signal), [id]);
  return <Link href={`/deployments/${id}`}>{deployment.data?.name ?? `${id.slice(0, 8)}…`}</Link>;
}

function ParentLink({ taskRunId }: { taskRunId: string }) {
  const task = useApi((signal) => api.taskRun(taskRunId, signal), [taskRunId]);
  if (!task.data?.flowRunId) return <span className="mono small">task run {taskRunId}</span>;
  return <Link href={`/runs/${task.data.flowRunId}`}>the run of {task.data.name}</Link>;
}

/** The states in order as a strip of coloured segments, each as wide as the time spent in it. */
function StateStrip({ states }: { states: State[] }) {
  if (states.length === 0) return null;
  const now = Date.now();
  const spans = states.map((s, i) => ({ state: s, ms: elapsed(s.timestamp, states[i + 1]?.timestamp, now) ?? 0 }));
  const last = spans[spans.length - 1];
  if (isFinal(last.state.type)) last.ms = 0;
  const total = spans.reduce((sum, s) => sum + s.ms, 0);
  return (
    <div className="state-strip" aria-label="State timeline">
      {spans.map(({ state, ms }, i) => (
        <span
          key={i}
          style={{ flexGrow: total > 0 ? Math.max(ms, total / 50) : 1, background: stateColour(state.type).bg, color: stateColour(state.type).fg }}
          title={`${state.name} at ${new Date(state.timestamp).toLocaleString()}${ms ? ` for ${Math.round(ms / 100) / 10}s` : ''}`}
        >
          {state.name}
        </span>
      ))}
    </div>
  );
}

function StateHistory({ loaded }: { loaded: ReturnType<typeof useApi<State[]>> }) {
  return (
    <Async loaded={loaded} what="Loading states">
      {(states) =>
        states.length === 0 ? (
          <Empty title="No states recorded" />
        ) : (
          <ol className="state-history" data-testid="state-history">
            {states.map((s, i) => (
              <li key={i}>
                <StateBadge state={s} />
                <Time iso={s.timestamp} />
                {i > 0 && (
                  <span className="muted small">
                    +<Duration ms={elapsed(states[i - 1].timestamp, s.timestamp)} />
                  </span>
                )}
                {s.message && <span className="state-text">{s.message}</span>}
              </li>
            ))}
          </ol>
        )
      }
    </Async>
  );
}

function Parameters({ run }: { run: FlowRun }) {
  const entries = Object.entries(run.parameters ?? {});
  if (entries.length === 0) return <Empty title="No parameters" />;
  return (
    <table className="table params" data-testid="parameters">
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className="mono">
              {name}
            </th>
            <td>
              <pre>{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Flow runs started by this run's subflow placeholder task runs (those whose state names a child flow run). */
function Subflows({ taskRuns }: { taskRuns: TaskRun[] }) {
  const parents = taskRuns.filter((t) => t.state.details?.childFlowRunId).map((t) => t.id).slice(0, 100);
  const children = useApi(
    async (signal) => (await Promise.all(parents.map((parentTaskRunId) => api.flowRuns({ parentTaskRunId, limit: 50 }, signal)))).flat(),
    [parents],
  );
  if (parents.length === 0) return <Empty title="No subflows">This run called no other flow.</Empty>;
  return <Async loaded={children}>{(runs) => (runs.length ? <FlowRunTable runs={runs} /> : <Empty title="No subflow runs recorded" />)}</Async>;
}
