/** The task runs of a flow run as a dependency graph, laid out in layers (see lib/graph.ts). */
import { useMemo, useState } from 'react';
import { edgePath, layoutGraph } from '../lib/graph';
import { stateColour } from '../lib/states';
import type { TaskRun } from '../lib/types';

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** More nodes than this are drawn only on request: a 1,000-node SVG takes a second to lay out and paint. */
export const GRAPH_NODES = 300;

export function TaskGraph({ runs, onSelect, limit = GRAPH_NODES }: { runs: TaskRun[]; onSelect?: (id: string) => void; limit?: number }) {
  const [showAll, setShowAll] = useState(false);
  const capped = !showAll && runs.length > limit;
  const shown = useMemo(
    () => (capped ? [...runs].sort((a, b) => a.dynamicKey - b.dynamicKey || a.createdAt.localeCompare(b.createdAt)).slice(0, limit) : runs),
    [runs, capped, limit],
  );
  const layout = useMemo(() => layoutGraph(shown), [shown]);
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const { nodeWidth: w, nodeHeight: h } = layout;
  return (
    <div className="graph" data-testid="task-graph">
      {capped && (
        <p className="graph-notice muted" data-testid="graph-capped">
          Drawing the first {limit} of {runs.length.toLocaleString()} task runs (edges to the rest left out).{' '}
          <button type="button" className="link-button" onClick={() => setShowAll(true)}>
            Draw all
          </button>
        </p>
      )}
      <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={`Task graph: ${layout.nodes.length} task runs, ${layout.edges.length} dependencies`}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#64748b" />
          </marker>
        </defs>
        {layout.edges.map((edge) => {
          const from = byId.get(edge.from)!;
          const to = byId.get(edge.to)!;
          return (
            <path
              key={`${edge.from}>${edge.to}`}
              d={edgePath(from, to, w, h)}
              className={`edge ${edge.kind === 'WAIT_FOR' ? 'wait' : ''}`}
              markerEnd="url(#arrow)"
            />
          );
        })}
        {layout.nodes.map((node) => {
          const colour = stateColour(node.run.state.type);
          return (
            <g key={node.id} transform={`translate(${node.x},${node.y})`} className="node" onClick={() => onSelect?.(node.id)} data-task-run={node.run.name}>
              <title>{`${node.run.name} — ${node.run.state.name}`}</title>
              <rect width={w} height={h} rx="6" fill="#fff" stroke={colour.bg} strokeWidth="2" />
              <rect width="8" height={h} rx="3" fill={colour.bg} />
              <text x="16" y={h / 2 + 4}>
                {truncate(node.run.name, 24)}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="legend muted small">
        <span>
          <svg width="24" height="8" aria-hidden="true">
            <path d="M0,4 L24,4" className="edge" />
          </svg>{' '}
          result passed
        </span>
        <span>
          <svg width="24" height="8" aria-hidden="true">
            <path d="M0,4 L24,4" className="edge wait" />
          </svg>{' '}
          waited for
        </span>
      </div>
    </div>
  );
}
