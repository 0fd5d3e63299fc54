import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StateBadge } from '../components/common';
import { STATE_COLOURS, STATUS_COLOURS, stateColour, statusLabel } from './states';
import { STATE_TYPES } from './types';

afterEach(cleanup);

/** An element's background as lower-case hex, whether the DOM reports it as hex or rgb(). */
function fill(el: HTMLElement): string {
  const value = el.style.background || el.style.backgroundColor;
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(value);
  return m ? `#${m.slice(1).map((c) => Number(c).toString(16).padStart(2, '0')).join('')}` : value.toLowerCase();
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('state colours', () => {
  it('gives every state type its own colour', () => {
    const fills = STATE_TYPES.map((t) => STATE_COLOURS[t].bg.toLowerCase());
    expect(new Set(fills).size).toBe(STATE_TYPES.length);
  });

  it('keeps badge text readable on every fill (contrast at least 4.5:1)', () => {
    for (const type of STATE_TYPES) {
      const { bg, fg } = STATE_COLOURS[type];
      const [hi, lo] = [luminance(bg), luminance(fg)].sort((a, b) => b - a);
      expect((hi + 0.05) / (lo + 0.05), type).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps pool, queue and worker status text readable too', () => {
    for (const [status, { bg, fg }] of Object.entries(STATUS_COLOURS)) {
      const [hi, lo] = [luminance(bg), luminance(fg)].sort((a, b) => b - a);
      expect((hi + 0.05) / (lo + 0.05), status).toBeGreaterThanOrEqual(4.5);
    }
    expect(statusLabel('NOT_READY')).toBe('Not ready');
  });

  it('colours a badge by its type and labels it by its name', () => {
    render(<StateBadge state={{ type: 'SCHEDULED', name: 'Late' }} />);
    const badge = screen.getByText('Late');
    expect(fill(badge)).toBe(STATE_COLOURS.SCHEDULED.bg);
    expect(badge.getAttribute('data-state')).toBe('SCHEDULED');
    expect(badge.title).toBe('Late (SCHEDULED)');
  });

  it('renders failed runs red and completed runs green from the same map', () => {
    render(
      <>
        <StateBadge state={{ type: 'FAILED', name: 'Failed' }} />
        <StateBadge state={{ type: 'COMPLETED', name: 'Cached' }} />
      </>,
    );
    expect(fill(screen.getByText('Failed'))).toBe('#b91c1c');
    expect(fill(screen.getByText('Cached'))).toBe(STATE_COLOURS.COMPLETED.bg);
  });

  it('falls back to a neutral colour for an unknown type', () => {
    expect(stateColour('NAPPING').bg).toBe('#a1a1aa');
  });
});
