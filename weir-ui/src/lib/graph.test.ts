import { describe, expect, it } from 'vitest';
import { aTaskRun } from '../test/fixtures';
import { edgePath, graphEdges, layoutGraph } from './graph';

const result = (taskRunId: string) => ({ kind: 'RESULT' as const, taskRunId });

describe('graph layout', () => {
  // extract -> (clean, enrich) -> load, with load also waiting for audit
  const runs = [
    aTaskRun('extract', { dynamicKey: 0 }),
    aTaskRun('clean', { dynamicKey: 1, inputs: { rows: [result('extract')] } }),
    aTaskRun('enrich', { dynamicKey: 2, inputs: { rows: [result('extract')] } }),
    aTaskRun('audit', { dynamicKey: 3 }),
    aTaskRun('load', {
      dynamicKey: 4,
      inputs: { a: [result('clean')], b: [result('enrich')], wait_for: [{ kind: 'WAIT_FOR', taskRunId: 'audit' }] },
    }),
  ];

  it('puts each task one layer right of its deepest upstream, and a source just before its downstream', () => {
    const layout = layoutGraph(runs);
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.id, n.layer]));
    expect(layer).toEqual({ extract: 0, audit: 1, clean: 1, enrich: 1, load: 2 });
  });

  it('makes every edge point rightwards without overlapping nodes', () => {
    const layout = layoutGraph(runs, { nodeWidth: 100, nodeHeight: 30, columnGap: 40, rowGap: 10, padding: 0 });
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const edge of layout.edges) expect(byId.get(edge.to)!.x).toBeGreaterThan(byId.get(edge.from)!.x);
    const spots = new Set(layout.nodes.map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(layout.nodes.length);
    expect(layout.width).toBe(3 * 100 + 2 * 40);
    expect(layout.height).toBe(3 * 30 + 2 * 10);
  });

  it('keeps the kind of each edge and each pair once', () => {
    const edges = graphEdges([...runs, aTaskRun('twice', { inputs: { x: [result('extract')], y: [result('extract')] } })]);
    expect(edges.filter((e) => e.to === 'twice')).toHaveLength(1);
    expect(edges.find((e) => e.from === 'audit')!.kind).toBe('WAIT_FOR');
    expect(edges).toHaveLength(6);
  });

  it('ignores upstreams outside the flow run and survives a cycle', () => {
    const odd = [
      aTaskRun('a', { inputs: { x: [result('b')], y: [result('elsewhere')] } }),
      aTaskRun('b', { inputs: { x: [result('a')] } }),
    ];
    const layout = layoutGraph(odd);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['a>b', 'b>a']);
  });

  it('orders a layer by its upstreams to avoid crossings', () => {
    const fan = [
      aTaskRun('top', { dynamicKey: 0 }),
      aTaskRun('bottom', { dynamicKey: 1 }),
      aTaskRun('afterBottom', { dynamicKey: 2, inputs: { x: [result('bottom')] } }),
      aTaskRun('afterTop', { dynamicKey: 3, inputs: { x: [result('top')] } }),
    ];
    const index = Object.fromEntries(layoutGraph(fan).nodes.map((n) => [n.id, n.index]));
    expect(index.afterTop).toBeLessThan(index.afterBottom);
  });

  it('is empty for no task runs and draws an edge from side to side', () => {
    expect(layoutGraph([])).toMatchObject({ nodes: [], edges: [], width: 0, height: 0 });
    const path = edgePath({ x: 0, y: 0 } as never, { x: 200, y: 50 } as never, 100, 20);
    expect(path).toBe('M100,10 C150,10 150,60 200,60');
  });
});
