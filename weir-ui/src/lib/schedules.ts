/** Schedules in words: "At 09:00 every day (UTC)", "Every 1 h", an RRULE as its text. */
import type { Schedule } from './types';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** An interval in seconds as the largest whole unit it fits: 86400 is "1 day", 90 is "90 seconds". */
export function describeInterval(seconds: number): string {
  const units: [number, string][] = [
    [7 * 86400, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) if (seconds >= size && seconds % size === 0) return plural(seconds / size, unit);
  return plural(seconds, 'second');
}

/** A five-field cron expression in words where it is a common shape; otherwise undefined. */
export function describeCron(cron: string): string | undefined {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = f;
  const num = (s: string) => /^\d+$/.test(s);
  if (minute === '*' && hour === '*' && dom === '*' && month === '*' && dow === '*') return 'Every minute';
  const step = /^\*\/(\d+)$/.exec(minute);
  if (step && hour === '*' && dom === '*' && month === '*' && dow === '*') return `Every ${plural(Number(step[1]), 'minute')}`;
  if (num(minute) && hour === '*' && dom === '*' && month === '*' && dow === '*') return `At minute ${minute} of every hour`;
  if (!num(minute) || !num(hour) || month !== '*') return undefined;
  const time = `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (dom === '*' && (dow === '*' || dow === '?')) return `At ${time} every day`;
  if ((dom === '*' || dom === '?') && dow === '1-5') return `At ${time} on weekdays`;
  if ((dom === '*' || dom === '?') && num(dow) && Number(dow) <= 7) return `At ${time} every ${DAYS[Number(dow) % 7]}`;
  if (num(dom) && (dow === '*' || dow === '?')) return `At ${time} on day ${dom} of every month`;
  return undefined;
}

/** A schedule in one line, with the expression itself kept in the text. */
export function describeSchedule(schedule: Schedule): string {
  const zone = schedule.timezone ?? 'UTC';
  switch (schedule.type) {
    case 'cron': {
      const words = describeCron(schedule.cron);
      return `${words ? `${words} ` : ''}(cron ${schedule.cron}, ${zone})`;
    }
    case 'interval':
      return `Every ${describeInterval(schedule.interval)}${schedule.anchorDate && Date.parse(schedule.anchorDate) !== 0 ? ` from ${schedule.anchorDate}` : ''} (${zone})`;
    case 'rrule':
      return `${schedule.rrule.replace(/\s*\n\s*/g, '; ')} (${zone})`;
    default:
      return JSON.stringify(schedule);
  }
}
