/** Log lines: levels, client-side filtering and merging of pages and live-tail batches. */
import type { LogLine } from './types';

export const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type Level = (typeof LEVELS)[number];

/** The rank of a level name; WARNING and FATAL are understood, anything unknown counts as INFO. */
export function levelRank(level: string | undefined): number {
  const upper = (level ?? '').toUpperCase();
  if (upper === 'WARNING') return 3;
  if (upper === 'FATAL' || upper === 'CRITICAL') return 4;
  const i = (LEVELS as readonly string[]).indexOf(upper);
  return i < 0 ? 2 : i;
}

export interface LogFilter {
  minLevel?: string;
  search?: string;
  taskRunId?: string;
}

/** The lines at or above the level, of the task run, whose message or logger contains the search (any case). */
export function filterLogs(lines: readonly LogLine[], filter: LogFilter): LogLine[] {
  const min = filter.minLevel ? levelRank(filter.minLevel) : 0;
  const needle = filter.search?.trim().toLowerCase() ?? '';
  return lines.filter(
    (line) =>
      levelRank(line.level) >= min &&
      (!filter.taskRunId || line.taskRunId === filter.taskRunId) &&
      (!needle || line.message.toLowerCase().includes(needle) || (line.logger ?? '').toLowerCase().includes(needle)),
  );
}

/** The union of two batches, each line once (by id), oldest first. */
export function mergeLogs(existing: readonly LogLine[], incoming: readonly LogLine[]): LogLine[] {
  if (incoming.length === 0) return existing as LogLine[];
  const byId = new Map<number, LogLine>();
  for (const line of existing) byId.set(line.id, line);
  for (const line of incoming) byId.set(line.id, line);
  // ISO strings with different fraction lengths do not sort as text ("…22Z" is before "…22.1Z"): compare instants.
  return [...byId.values()].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.id - b.id);
}
