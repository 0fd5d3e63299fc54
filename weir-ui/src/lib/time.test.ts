import { describe, expect, it } from 'vitest';
import { elapsed, formatAgo, formatDuration, formatTime, parseIsoDuration, periodStart, utcTitle } from './time';

describe('time formatting', () => {
  const iso = '2026-05-03T12:05:22.123456Z';

  it('shows an instant in the given time zone', () => {
    expect(formatTime(iso, 'UTC')).toMatch(/12:05:22/);
    expect(formatTime(iso, 'America/New_York')).toMatch(/08:05:22/);
    expect(formatTime(iso, 'Asia/Kolkata')).toMatch(/17:35:22/);
  });

  it('uses the browser time zone by default', () => {
    // vitest runs with TZ=UTC (vite.config.ts).
    expect(formatTime(iso)).toBe(formatTime(iso, 'UTC'));
  });

  it('says how long ago an instant was', () => {
    const now = Date.parse('2026-05-03T12:00:00Z');
    expect(formatAgo('2026-05-03T11:59:48Z', now)).toBe('12 s ago');
    expect(formatAgo('2026-05-03T11:57:00Z', now)).toBe('3 min ago');
    expect(formatAgo('2026-05-03T09:00:00Z', now)).toBe('3 h ago');
    expect(formatAgo('2026-04-29T12:00:00Z', now)).toBe('4 d ago');
    expect(formatAgo('2026-05-03T12:00:05Z', now)).toBe('in 5 s');
    expect(formatAgo(null, now)).toBe('never');
  });

  it('keeps the exact UTC value for the tooltip', () => {
    expect(utcTitle(iso)).toBe('2026-05-03 12:05:22.123 UTC');
  });

  it('shows a dash for a missing time and the text itself for garbage', () => {
    expect(formatTime(undefined)).toBe('—');
    expect(formatTime('yesterday')).toBe('yesterday');
    expect(utcTitle(null)).toBe('');
  });

  it('formats durations for people', () => {
    expect(formatDuration(450)).toBe('450ms');
    expect(formatDuration(1234)).toBe('1.2s');
    expect(formatDuration(42_000)).toBe('42s');
    expect(formatDuration(184_000)).toBe('3m 04s');
    expect(formatDuration(7_500_000)).toBe('2h 05m');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d 4h');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
  });

  it('reads java.time.Duration as Jackson writes it', () => {
    expect(parseIsoDuration('PT0S')).toBe(0);
    expect(parseIsoDuration('PT1.5S')).toBe(1500);
    expect(parseIsoDuration('PT2H3M')).toBe(7_380_000);
    expect(parseIsoDuration('P1DT1S')).toBe(86_401_000);
    expect(parseIsoDuration('soon')).toBeNull();
  });

  it('measures elapsed time, to now while a run goes on', () => {
    expect(elapsed('2026-05-03T12:00:00Z', '2026-05-03T12:00:02.5Z')).toBe(2500);
    expect(elapsed('2026-05-03T12:00:00Z', undefined, Date.parse('2026-05-03T12:01:00Z'))).toBe(60_000);
    expect(elapsed(undefined, undefined)).toBeNull();
  });

  it('starts a period that long before now, or never for all time', () => {
    const now = Date.parse('2026-05-03T12:00:00Z');
    expect(periodStart('1h', now)).toBe('2026-05-03T11:00:00.000Z');
    expect(periodStart('all', now)).toBeUndefined();
  });
});
