/**
 * A flow run's log lines: loaded in pages, then tailed by polling /api/logs/filter for lines after
 * the newest one seen (works with auth on, unlike EventSource). Filtered by level, task run and a
 * search in the browser. Messages are rendered as text, never as HTML.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBox, Loading } from './common';
import { api } from '../lib/api';
import { filterLogs, LEVELS, mergeLogs } from '../lib/logs';
import { formatTime, utcTitle } from '../lib/time';
import type { LogLine, TaskRun } from '../lib/types';

const PAGE = 1000;
const MAX_PAGES = 20;
const TAIL_MS = 2000;
const SHOWN = 2000;

export function LogsPanel({
  flowRunId,
  taskRuns,
  running,
  taskRunId,
  onTaskRunId,
}: {
  flowRunId: string;
  taskRuns: TaskRun[];
  running: boolean;
  taskRunId?: string;
  onTaskRunId: (id: string | undefined) => void;
}) {
  const [lines, setLines] = useState<LogLine[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [minLevel, setMinLevel] = useState('');
  const [search, setSearch] = useState('');
  const [tail, setTail] = useState(running);
  const [attempt, setAttempt] = useState(0);
  const linesRef = useRef<LogLine[]>([]);
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => setTail(running), [running]);

  // Everything so far, page by page.
  useEffect(() => {
    const controller = new AbortController();
    (async () => {
      try {
        let all: LogLine[] = [];
        for (let page = 0; page < MAX_PAGES; page++) {
          const batch = await api.logs({ flowRunId, limit: PAGE, offset: page * PAGE }, controller.signal);
          all = mergeLogs(all, batch);
          if (batch.length < PAGE) break;
        }
        linesRef.current = all;
        setLines(all);
        setError(null);
      } catch (e) {
        if (!controller.signal.aborted) {
          setError(e as Error);
          setTimeout(() => setAttempt((a) => a + 1), 3000);
        }
      }
    })();
    return () => controller.abort();
  }, [flowRunId, attempt]);

  // The live tail: lines after the newest seen. One more fetch when the run ends, for lines still in flight.
  useEffect(() => {
    if (lines === null || (!tail && running)) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const last = linesRef.current[linesRef.current.length - 1];
        const batch = await api.logs({ flowRunId, after: last?.timestamp, limit: PAGE }, controller.signal);
        if (batch.length) {
          linesRef.current = mergeLogs(linesRef.current, batch);
          setLines(linesRef.current);
        }
        setError(null);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e as Error);
      }
      if (tail) timer = setTimeout(poll, TAIL_MS);
    };
    timer = setTimeout(poll, running ? TAIL_MS : 0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [flowRunId, tail, running, lines === null]);

  const shown = useMemo(() => filterLogs(lines ?? [], { minLevel, search, taskRunId }), [lines, minLevel, search, taskRunId]);
  const names = useMemo(() => new Map(taskRuns.map((t) => [t.id, t.name])), [taskRuns]);

  useEffect(() => {
    if (tail && stick.current && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [shown, tail]);

  return (
    <section aria-label="Logs" className="logs-panel">
      <div className="filters">
        <label>
          Level
          <select value={minLevel} onChange={(e) => setMinLevel(e.target.value)} aria-label="Lowest level shown">
            <option value="">All levels</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} and above
              </option>
            ))}
          </select>
        </label>
        <label>
          Task
          <select value={taskRunId ?? ''} onChange={(e) => onTaskRunId(e.target.value || undefined)}>
            <option value="">All tasks and the flow</option>
            {taskRuns.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Search
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Text in the message or logger" />
        </label>
        <label className="inline">
          <input type="checkbox" checked={tail} onChange={(e) => setTail(e.target.checked)} /> Live tail
        </label>
      </div>
      {error && <ErrorBox error={error} />}
      {lines === null ? (
        !error && <Loading what="Loading logs" />
      ) : shown.length === 0 ? (
        <div className="placeholder empty">
          <strong>{lines.length === 0 ? 'No log lines yet' : 'No log lines match'}</strong>
          {lines.length === 0 && <div className="muted">Lines logged with Weir.logger() in the flow and its tasks appear here.</div>}
        </div>
      ) : (
        <>
          <div
            className="log-lines"
            ref={box}
            data-testid="log-lines"
            onScroll={(e) => {
              const el = e.currentTarget;
              stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
            }}
          >
            {shown.length > SHOWN && <div className="muted small">{shown.length - SHOWN} earlier lines not shown; narrow the filter to see them.</div>}
            {shown.slice(-SHOWN).map((line) => (
              <div key={line.id} className={`log-line level-${line.level.toLowerCase()}`}>
                <time dateTime={line.timestamp} title={utcTitle(line.timestamp)} className="log-time">
                  {formatTime(line.timestamp)}
                </time>
                <span className="log-level">{line.level}</span>
                <span className="log-source" title={line.logger}>
                  {line.taskRunId ? (names.get(line.taskRunId) ?? 'task') : 'flow'}
                </span>
                <span className="log-message">{line.message}</span>
              </div>
            ))}
          </div>
          <div className="muted small">
            {shown.length} of {lines.length} lines
          </div>
        </>
      )}
    </section>
  );
}
