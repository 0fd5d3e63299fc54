/** The one map of state colours: every badge, bar, node and count uses it. */
import type { StateType } from './types';

export interface StateColour {
  /** The fill. */
  bg: string;
  /** Text on the fill, chosen for contrast (WCAG AA at least). */
  fg: string;
}

export const STATE_COLOURS: Record<StateType, StateColour> = {
  SCHEDULED: { bg: '#a16207', fg: '#ffffff' },
  PENDING: { bg: '#64748b', fg: '#ffffff' },
  RUNNING: { bg: '#1d4ed8', fg: '#ffffff' },
  PAUSED: { bg: '#6d28d9', fg: '#ffffff' },
  CANCELLING: { bg: '#94a3b8', fg: '#0f172a' },
  COMPLETED: { bg: '#15803d', fg: '#ffffff' },
  FAILED: { bg: '#b91c1c', fg: '#ffffff' },
  CANCELLED: { bg: '#3f3f46', fg: '#ffffff' },
  CRASHED: { bg: '#c2410c', fg: '#ffffff' },
};

/** The statuses of work pools, queues (READY, NOT_READY, PAUSED) and workers (ONLINE, OFFLINE). */
export const STATUS_COLOURS: Record<string, StateColour> = {
  READY: { bg: '#15803d', fg: '#ffffff' },
  ONLINE: { bg: '#15803d', fg: '#ffffff' },
  NOT_READY: { bg: '#b91c1c', fg: '#ffffff' },
  OFFLINE: { bg: '#3f3f46', fg: '#ffffff' },
  PAUSED: { bg: '#6d28d9', fg: '#ffffff' },
};

const UNKNOWN: StateColour = { bg: '#a1a1aa', fg: '#000000' };

export function stateColour(type: string | undefined): StateColour {
  return (type && STATE_COLOURS[type as StateType]) || UNKNOWN;
}

export function statusColour(status: string | undefined): StateColour {
  return (status && STATUS_COLOURS[status]) || UNKNOWN;
}

/** Sentence case for a status: NOT_READY -> Not ready. */
export function statusLabel(status: string): string {
  const words = status.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isFinal(type: string | undefined): boolean {
  return type === 'COMPLETED' || type === 'FAILED' || type === 'CANCELLED' || type === 'CRASHED';
}

/** Title case for a state type: FAILED -> Failed. */
export function typeLabel(type: string): string {
  return type.charAt(0) + type.slice(1).toLowerCase();
}
