/**
 * The task runs of a flow run as a Gantt chart: one row per task run, a bar from its start to its end.
 * A run with many task runs shows the first {@link TIMELINE_ROWS} rows (the bars keep the whole run's
 * scale) and a button for the rest: a thousand rows cost the first paint more than half a second.
 */
import { useState } from 'react';
import { Duration, StateBadge, Time } from './common';
import { stateColour } from '../lib/states';
import { elapsed, formatTime, utcTitle } from '../lib/time';
import type { TaskRun } from '../lib/types';

export interface Span {
  start: number;
  end: number;
}

/** The time span the chart covers: the earliest start to the latest end (now for runs still going). */
export function timelineSpan(runs: readonly TaskRun[], now = Date.now()): Span | null {
  let start = Infinity;
  let end = -Infinity;
  for (const run of runs) {
    if (!run.startTime) continue;
    const s = Date.parse(run.startTime);
    const e = run.endTime ? Date.parse(run.endTime) : now;
    start = Math.min(start, s);
    end = Math.max(end, e, s);
  }
  if (!Number.isFinite(start)) return null;
  return { start, end: Math.max(end, start + 1) };
}

export const TIMELINE_ROWS = 100;

export function TaskTimeline({ runs, selected, onSelect, limit = TIMELINE_ROWS }: { runs: TaskRun[]; selected?: string; onSelect?: (id: string | undefined) => void; limit?: number }) {
  const [showAll, setShowAll] = useState(false);
  const now = Date.now();
  const span = timelineSpan(runs, now);
  const rows = [...runs].sort(
    (a, b) => (a.startTime ? Date.parse(a.startTime) : Infinity) - (b.startTime ? Date.parse(b.startTime) : Infinity) || a.dynamicKey - b.dynamicKey,
  );
  const total = span ? span.end - span.start : 1;
  return (
    <div className="gantt" data-testid="task-timeline">
      {span && (
        <div className="gantt-axis muted">
          <span title={utcTitle(new Date(span.start).toISOString())}>{formatTime(new Date(span.start).toISOString())}</span>
          <span>
            <Duration ms={total} /> in all
          </span>
        </div>
      )}
      {(showAll ? rows : rows.slice(0, limit)).map((run) => {
        const colour = stateColour(run.state.type);
        const left = span && run.startTime ? ((Date.parse(run.startTime) - span.start) / total) * 100 : 0;
        const width = span && run.startTime ? Math.max(0.5, ((elapsed(run.startTime, run.endTime, now) ?? 0) / total) * 100) : 0;
        return (
          <div
            key={run.id}
            className={`gantt-row${selected === run.id ? ' selected' : ''}`}
            data-task-run={run.name}
            data-state={run.state.type}
          >
            <button
              type="button"
              className="gantt-label link-button"
              title={`${run.taskKey}: show only this task's logs`}
              onClick={() => onSelect?.(selected === run.id ? undefined : run.id)}
            >
              {run.name}
            </button>
            <StateBadge state={run.state} />
            <div className="gantt-track">
              {run.startTime ? (
                <span
                  className="gantt-bar"
                  style={{ left: `${left}%`, width: `${Math.min(width, 100 - left)}%`, background: colour.bg }}
                  title={`${run.name}: ${formatTime(run.startTime)} → ${run.endTime ? formatTime(run.endTime) : 'running'}`}
                />
              ) : (
                <span className="muted small">not started</span>
              )}
            </div>
            <span className="gantt-time">
              <Time iso={run.startTime} />
            </span>
            <span className="gantt-duration">
              <Duration ms={elapsed(run.startTime, run.endTime, now)} />
              {run.runCount > 1 && <span className="muted small"> ×{run.runCount}</span>}
            </span>
            {run.state.message && (
              <div className="gantt-message" title={run.state.message}>
                {run.state.message}
              </div>
            )}
          </div>
        );
      })}
      {!showAll && rows.length > limit && (
        <div className="gantt-more muted" data-testid="timeline-more">
          Showing the first {limit} of {rows.length.toLocaleString()} task runs.{' '}
          <button type="button" className="link-button" onClick={() => setShowAll(true)}>
            Show all
          </button>
        </div>
      )}
    </div>
  );
}
