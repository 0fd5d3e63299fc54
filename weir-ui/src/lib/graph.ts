/**
 * A layered layout of a flow run's task graph, small enough to need no graph library.
 *
 * <p>Edges come from each task run's {@code inputs} (results passed and futures waited for). A task
 * run's layer is the length of the longest path to it from a task with no upstream inside this flow
 * run, so every edge points rightwards; a task with no upstream moves right to just before its
 * nearest downstream. Within a layer, nodes are ordered by the mean position of
 * their upstreams (one barycentre pass, which removes most crossings in the fan-out/fan-in shapes
 * flows usually have), ties by call order. Cycles cannot come from the SDK, but a malformed record
 * must not hang the page: an edge that closes a cycle is ignored for layering.
 */
import type { TaskRun } from './types';

export interface GraphNode {
  id: string;
  run: TaskRun;
  layer: number;
  index: number;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'RESULT' | 'WAIT_FOR';
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  nodeWidth: number;
  nodeHeight: number;
}

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  columnGap?: number;
  rowGap?: number;
  padding?: number;
}

/** The upstream edges of each task run that stay inside the given set, each pair once. */
export function graphEdges(runs: readonly TaskRun[]): GraphEdge[] {
  const known = new Set(runs.map((r) => r.id));
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const run of runs) {
    for (const inputs of Object.values(run.inputs ?? {})) {
      for (const input of inputs ?? []) {
        const key = `${input.taskRunId}>${run.id}`;
        if (input.taskRunId !== run.id && known.has(input.taskRunId) && !seen.has(key)) {
          seen.add(key);
          edges.push({ from: input.taskRunId, to: run.id, kind: input.kind === 'WAIT_FOR' ? 'WAIT_FOR' : 'RESULT' });
        }
      }
    }
  }
  return edges;
}

export function layoutGraph(runs: readonly TaskRun[], options: LayoutOptions = {}): GraphLayout {
  const nodeWidth = options.nodeWidth ?? 180;
  const nodeHeight = options.nodeHeight ?? 36;
  const columnGap = options.columnGap ?? 60;
  const rowGap = options.rowGap ?? 14;
  const padding = options.padding ?? 10;
  const ordered = [...runs].sort((a, b) => a.dynamicKey - b.dynamicKey || a.createdAt.localeCompare(b.createdAt));
  const edges = graphEdges(ordered);
  const upstream = new Map<string, string[]>(ordered.map((r) => [r.id, []]));
  for (const edge of edges) upstream.get(edge.to)!.push(edge.from);

  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1; // closes a cycle: ignore this edge
    visiting.add(id);
    let d = 0;
    for (const up of upstream.get(id) ?? []) d = Math.max(d, depth(up) + 1);
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  ordered.forEach((r) => depth(r.id));
  // A task with no upstream sits just left of its nearest downstream, not in the first column, so that
  // its edge does not run behind the tasks in between (an audit step that a late task waits for).
  const downstream = new Map<string, string[]>(ordered.map((r) => [r.id, []]));
  for (const edge of edges) downstream.get(edge.from)!.push(edge.to);
  for (const run of ordered) {
    const downs = downstream.get(run.id)!;
    if (upstream.get(run.id)!.length === 0 && downs.length > 0) {
      layer.set(run.id, Math.max(0, Math.min(...downs.map((d) => layer.get(d)!)) - 1));
    }
  }

  const layers: TaskRun[][] = [];
  for (const run of ordered) (layers[layer.get(run.id)!] ??= []).push(run);
  const position = new Map<string, number>();
  layers.forEach((column, l) => {
    if (l > 0) {
      const centre = (run: TaskRun) => {
        const ups = (upstream.get(run.id) ?? []).filter((u) => position.has(u));
        return ups.length ? ups.reduce((sum, u) => sum + position.get(u)!, 0) / ups.length : Number.MAX_SAFE_INTEGER;
      };
      const keys = new Map(column.map((r) => [r.id, centre(r)]));
      column.sort((a, b) => keys.get(a.id)! - keys.get(b.id)! || a.dynamicKey - b.dynamicKey);
    }
    column.forEach((run, i) => position.set(run.id, i));
  });

  const rows = Math.max(0, ...layers.map((c) => c.length));
  const height = rows === 0 ? 0 : padding * 2 + rows * nodeHeight + (rows - 1) * rowGap;
  const nodes: GraphNode[] = [];
  layers.forEach((column, l) => {
    // Centre shorter columns vertically so fan-in and fan-out read as such.
    const offset = ((rows - column.length) * (nodeHeight + rowGap)) / 2;
    column.forEach((run, i) =>
      nodes.push({
        id: run.id,
        run,
        layer: l,
        index: i,
        x: padding + l * (nodeWidth + columnGap),
        y: padding + offset + i * (nodeHeight + rowGap),
      }),
    );
  });
  const width = layers.length === 0 ? 0 : padding * 2 + layers.length * nodeWidth + (layers.length - 1) * columnGap;
  return { nodes, edges, width, height, nodeWidth, nodeHeight };
}

/** The SVG path of an edge: a horizontal S-curve from the right side of one node to the left of the next. */
export function edgePath(from: GraphNode, to: GraphNode, nodeWidth: number, nodeHeight: number): string {
  const x1 = from.x + nodeWidth;
  const y1 = from.y + nodeHeight / 2;
  const x2 = to.x;
  const y2 = to.y + nodeHeight / 2;
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}
