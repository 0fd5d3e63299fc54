/**
 * The flow runs list: filters by state, flow, deployment, tags and start time, sorted and paged, kept in the URL;
 * refreshed every few seconds, and at once on a flow-run event when the event stream can be used
 * (auth off: EventSource cannot send an Authorization header, so with a key it polls only).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Async, Empty, PageHeader } from '../components/common';
import { FlowRunTable } from '../components/FlowRunTable';
import { api, apiKey } from '../lib/api';
import { setQuery, useLocation } from '../lib/router';
import { typeLabel } from '../lib/states';
import { PERIODS, periodStart } from '../lib/time';
import { FLOW_RUN_SORTS, STATE_TYPES, type FlowRunQuery, type FlowRunSort, type StateType } from '../lib/types';
import { useApi } from '../lib/useApi';

const PAGE_SIZE = 25;
const REFRESH_MS = 5000;

const SORT_LABELS: Record<FlowRunSort, string> = {
  CREATED_DESC: 'Newest first',
  CREATED_ASC: 'Oldest first',
  START_TIME_DESC: 'Start time, latest first',
  START_TIME_ASC: 'Start time, earliest first',
  END_TIME_DESC: 'End time, latest first',
  END_TIME_ASC: 'End time, earliest first',
  EXPECTED_START_TIME_ASC: 'Expected start, soonest first',
  NAME_ASC: 'Name, A to Z',
  NAME_DESC: 'Name, Z to A',
};

/** Re-renders soon after a flow-run event arrives, when the event stream is usable. */
function useFlowRunEvents(onEvent: () => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (apiKey() || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events/stream?namePrefix=weir.flow-run.');
    let pending: ReturnType<typeof setTimeout> | undefined;
    let errors = 0;
    source.onopen = () => setLive(true);
    source.addEventListener('event', () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        onEvent();
      }, 500);
    });
    source.onerror = () => {
      setLive(false);
      if (++errors > 5) source.close(); // polling carries on
    };
    return () => {
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [onEvent]);
  return live;
}

export function FlowRunList({ fixedFlow }: { fixedFlow?: string }) {
  const { query } = useLocation();
  const states = query.getAll('state').filter((s): s is StateType => (STATE_TYPES as readonly string[]).includes(s));
  const flow = fixedFlow ?? query.get('flow') ?? '';
  const period = query.get('period') ?? 'all';
  const sort = (FLOW_RUN_SORTS as readonly string[]).includes(query.get('sort') ?? '') ? (query.get('sort') as FlowRunSort) : 'CREATED_DESC';
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);
  const deployment = query.get('deployment') ?? '';
  const tags = [...new Set(query.getAll('tag').filter(Boolean))];
  const flows = useApi((signal) => (fixedFlow ? Promise.resolve([]) : api.flows(signal)), [fixedFlow]);
  const deployments = useApi((signal) => api.deployments({ flowNames: fixedFlow ? [fixedFlow] : undefined, limit: 1000 }, signal), [fixedFlow]);
  const [tagText, setTagText] = useState('');

  const filter: FlowRunQuery = {
    states,
    flowNames: flow ? [flow] : [],
    deploymentId: deployment || undefined,
    tags,
    startAfter: periodStart(period),
  };
  const runs = useApi(
    async (signal) => {
      const [list, count] = await Promise.all([
        api.flowRuns({ ...filter, sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE }, signal),
        api.countFlowRuns(filter, signal),
      ]);
      return { list, count };
    },
    [states, flow, deployment, tags, period, sort, page],
    { refreshMs: REFRESH_MS, keepPrevious: true },
  );
  const live = useFlowRunEvents(runs.reload);

  const update = (change: Record<string, string | string[] | undefined>) =>
    setQuery({ state: states, flow: fixedFlow ? undefined : flow, deployment, tag: tags, period, sort, ...change, page: change.page });
  const toggleState = (type: StateType) =>
    update({ state: states.includes(type) ? states.filter((s) => s !== type) : [...states, type] });
  const addTags = (event: FormEvent) => {
    event.preventDefault();
    const added = tagText.split(',').map((t) => t.trim()).filter((t) => t && !tags.includes(t));
    setTagText('');
    if (added.length) update({ tag: [...tags, ...added] });
  };
  const filtered = states.length > 0 || (!fixedFlow && flow) || deployment || tags.length > 0 || period !== 'all';

  return (
    <section aria-label="Flow runs">
      <div className="filters">
        <fieldset className="state-filter">
          <legend>State</legend>
          {STATE_TYPES.map((type) => (
            <label key={type} className={`chip${states.includes(type) ? ' on' : ''}`} data-state={type}>
              <input type="checkbox" checked={states.includes(type)} onChange={() => toggleState(type)} />
              {typeLabel(type)}
            </label>
          ))}
        </fieldset>
        {!fixedFlow && (
          <label>
            Flow
            <select value={flow} onChange={(e) => update({ flow: e.target.value })}>
              <option value="">All flows</option>
              {(flows.data ?? []).map((f) => (
                <option key={f.id} value={f.name}>
                  {f.name}
                </option>
              ))}
              {flow && !(flows.data ?? []).some((f) => f.name === flow) && <option value={flow}>{flow}</option>}
            </select>
          </label>
        )}
        <label>
          Deployment
          <select value={deployment} onChange={(e) => update({ deployment: e.target.value })}>
            <option value="">All deployments</option>
            {(deployments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {fixedFlow ? d.name : `${d.flowName}/${d.name}`}
              </option>
            ))}
            {deployment && !(deployments.data ?? []).some((d) => d.id === deployment) && <option value={deployment}>{deployment}</option>}
          </select>
        </label>
        <form className="tag-filter" onSubmit={addTags} role="search" aria-label="Tags">
          <label title="A run matches when it has every one of these tags">
            Tags
            <input
              type="search"
              value={tagText}
              onChange={(e) => setTagText(e.target.value)}
              placeholder="add a tag, Enter"
              aria-label="Add a tag"
            />
          </label>
          {tags.map((tag) => (
            <span key={tag} className="tag removable" data-tag={tag}>
              {tag}
              <button type="button" className="link-button" onClick={() => update({ tag: tags.filter((t) => t !== tag) })} aria-label={`Remove tag ${tag}`}>
                ×
              </button>
            </span>
          ))}
        </form>
        <label>
          Started
          <select value={period} onChange={(e) => update({ period: e.target.value })}>
            {PERIODS.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort
          <select value={sort} onChange={(e) => update({ sort: e.target.value })}>
            {FLOW_RUN_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <span className="live muted" title={live ? 'Updated as flow-run events arrive' : `Refreshed every ${REFRESH_MS / 1000} s`}>
          <span className={`dot${live ? ' on' : ''}`} aria-hidden="true" /> {live ? 'Live' : `Every ${REFRESH_MS / 1000}s`}
        </span>
      </div>
      <Async loaded={runs} what="Loading flow runs">
        {({ list, count }) =>
          list.length === 0 ? (
            filtered ? (
              <Empty title="No flow runs match these filters">
                <button type="button" onClick={() => setQuery({})}>
                  Clear the filters
                </button>
              </Empty>
            ) : (
              <Empty title="No flow runs yet">
                Run a flow against this server (set <code>WEIR_API_URL</code> to its <code>/api</code> address) and it appears here.
              </Empty>
            )
          ) : (
            <>
              <FlowRunTable runs={list} showFlow={!fixedFlow} />
              <div className="pager">
                <span className="muted" data-testid="run-count">
                  {page * PAGE_SIZE + 1}–{page * PAGE_SIZE + list.length} of {count}
                </span>
                <button type="button" disabled={page === 0} onClick={() => update({ page: page > 1 ? String(page - 1) : undefined })}>
                  Previous
                </button>
                <button type="button" disabled={(page + 1) * PAGE_SIZE >= count} onClick={() => update({ page: String(page + 1) })}>
                  Next
                </button>
              </div>
            </>
          )
        }
      </Async>
    </section>
  );
}

export function FlowRuns() {
  return (
    <>
      <PageHeader title="Flow runs" />
      <FlowRunList />
    </>
  );
}
