import { describe, expect, it } from 'vitest';
import { aLogLine } from '../test/fixtures';
import { filterLogs, levelRank, mergeLogs } from './logs';

const lines = [
  aLogLine(1, 'DEBUG', 'connecting to the database'),
  aLogLine(2, 'INFO', 'doubled 2 values', { taskRunId: 't1' }),
  aLogLine(3, 'WARN', 'slow response from API', { logger: 'dev.weir.http' }),
  aLogLine(4, 'ERROR', 'java.lang.IllegalArgumentException: bad row 17', { taskRunId: 't2' }),
  aLogLine(5, 'WARNING', 'retrying'),
];

describe('log filtering', () => {
  it('keeps lines at or above the lowest level', () => {
    expect(filterLogs(lines, { minLevel: 'WARN' }).map((l) => l.id)).toEqual([3, 4, 5]);
    expect(filterLogs(lines, { minLevel: 'ERROR' }).map((l) => l.id)).toEqual([4]);
    expect(filterLogs(lines, {}).length).toBe(5);
  });

  it('searches message and logger, ignoring case and surrounding blanks', () => {
    expect(filterLogs(lines, { search: '  BAD ROW ' }).map((l) => l.id)).toEqual([4]);
    expect(filterLogs(lines, { search: 'weir.http' }).map((l) => l.id)).toEqual([3]);
    expect(filterLogs(lines, { search: 'nothing like this' })).toEqual([]);
  });

  it('narrows to one task run and combines with the other filters', () => {
    expect(filterLogs(lines, { taskRunId: 't2' }).map((l) => l.id)).toEqual([4]);
    expect(filterLogs(lines, { taskRunId: 't1', minLevel: 'WARN' })).toEqual([]);
  });

  it('understands WARNING and FATAL and treats unknown levels as INFO', () => {
    expect(levelRank('WARNING')).toBe(levelRank('WARN'));
    expect(levelRank('fatal')).toBe(levelRank('ERROR'));
    expect(levelRank('NOTICE')).toBe(levelRank('INFO'));
  });

  it('merges tail batches once per line, oldest first, across fraction lengths', () => {
    const a = aLogLine(10, 'INFO', 'a', { timestamp: '2026-05-03T12:00:22Z' });
    const b = aLogLine(11, 'INFO', 'b', { timestamp: '2026-05-03T12:00:22.1Z' });
    const c = aLogLine(12, 'INFO', 'c', { timestamp: '2026-05-03T12:00:21.999Z' });
    expect(mergeLogs([a, b], [b, c]).map((l) => l.message)).toEqual(['c', 'a', 'b']);
  });
});
