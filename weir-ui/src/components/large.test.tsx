import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { aTaskRun } from '../test/fixtures';
import { TaskGraph } from './TaskGraph';
import { TaskTimeline } from './TaskTimeline';

afterEach(cleanup);

const many = (n: number) =>
  Array.from({ length: n }, (_, k) =>
    aTaskRun(`t${k}`, { dynamicKey: k, startTime: `2026-05-03T12:00:${String(k % 60).padStart(2, '0')}Z`, endTime: '2026-05-03T12:01:00Z' }),
  );

describe('runs with many task runs', () => {
  it('shows the first rows of the timeline and the rest on request', () => {
    const { container } = render(<TaskTimeline runs={many(250)} limit={100} />);
    expect(container.querySelectorAll('.gantt-row')).toHaveLength(100);
    expect(screen.getByTestId('timeline-more').textContent).toContain('first 100 of 250 task runs');
    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(container.querySelectorAll('.gantt-row')).toHaveLength(250);
  });

  it('caps the graph with a notice, and draws all on request', () => {
    const { container } = render(<TaskGraph runs={many(50)} limit={20} />);
    expect(container.querySelectorAll('g.node')).toHaveLength(20);
    expect(screen.getByTestId('graph-capped').textContent).toContain('first 20 of 50');
    fireEvent.click(screen.getByRole('button', { name: 'Draw all' }));
    expect(container.querySelectorAll('g.node')).toHaveLength(50);
  });

  it('draws a small run whole, without a notice', () => {
    const { container } = render(<TaskTimeline runs={many(5)} />);
    expect(container.querySelectorAll('.gantt-row')).toHaveLength(5);
    expect(screen.queryByTestId('timeline-more')).toBeNull();
  });
});
