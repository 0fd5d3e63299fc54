/** A table of flow runs: name, flow, state, start, duration, tags. */
import { Duration, StateBadge, Time } from './common';
import { Link } from '../lib/router';
import { elapsed, parseIsoDuration } from '../lib/time';
import type { FlowRun } from '../lib/types';

export function runDuration(run: FlowRun): number | null {
  if (run.startTime) return elapsed(run.startTime, run.endTime);
  return parseIsoDuration(run.totalRunTime);
}

export function FlowRunTable({ runs, showFlow = true }: { runs: FlowRun[]; showFlow?: boolean }) {
  return (
    <table className="table" data-testid="flow-run-table">
      <thead>
        <tr>
          <th scope="col">Run</th>
          {showFlow && <th scope="col">Flow</th>}
          <th scope="col">State</th>
          <th scope="col">Started</th>
          <th scope="col">Duration</th>
          <th scope="col">Tags</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id} data-run-id={run.id}>
            <td>
              <Link href={`/runs/${run.id}`} className="run-link">
                {run.name}
              </Link>
              {run.parentTaskRunId && <span className="tag subtle">subflow</span>}
            </td>
            {showFlow && (
              <td>
                <Link href={`/flows/${encodeURIComponent(run.flowName)}`}>{run.flowName}</Link>
              </td>
            )}
            <td>
              <StateBadge state={run.state} />
            </td>
            <td>
              <Time iso={run.startTime ?? run.expectedStartTime} />
            </td>
            <td>
              <Duration ms={runDuration(run)} />
            </td>
            <td>
              {run.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
