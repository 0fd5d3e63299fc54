/**
 * Work pools: the list, and one pool with its queues and workers, paused and resumed here. Statuses
 * come from the API (a pool is READY while one of its workers is ONLINE, a queue while a worker polled
 * it in the last minute); heartbeats and polls are shown as times with how long ago they were.
 */
import { useState } from 'react';
import { Async, Empty, ErrorBox, Loading, PageHeader, StatusBadge, Time, TimeAgo } from '../components/common';
import { api, ApiError } from '../lib/api';
import { Link } from '../lib/router';
import type { WorkPool } from '../lib/types';
import { useApi } from '../lib/useApi';
import { NotFound } from './Placeholders';

const REFRESH_MS = 5000;

export function poolHref(name: string): string {
  return `/work-pools/${encodeURIComponent(name)}`;
}

/** A concurrency limit for people: "none" when absent. */
export function Limit({ value }: { value?: number | null }) {
  return value === null || value === undefined ? <span className="muted">none</span> : <span className="num">{value}</span>;
}

export function WorkPools() {
  const pools = useApi((signal) => api.workPools(signal), [], { refreshMs: REFRESH_MS });
  return (
    <>
      <PageHeader title="Work pools" />
      <Async loaded={pools} what="Loading work pools">
        {(list) =>
          list.length === 0 ? (
            <Empty title="No work pools yet">
              A pool routes deployments' runs to workers: <code>weir work-pool create local</code>, or start a worker, which creates its pool.
            </Empty>
          ) : (
            <table className="table" data-testid="work-pool-table">
              <thead>
                <tr>
                  <th scope="col">Pool</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Paused</th>
                  <th scope="col">Concurrency limit</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {list.map((pool) => (
                  <tr key={pool.id} data-pool={pool.name}>
                    <td>
                      <Link href={poolHref(pool.name)}>{pool.name}</Link>
                      {pool.description && <div className="muted small">{pool.description}</div>}
                    </td>
                    <td className="mono small">{pool.type}</td>
                    <td>
                      <StatusBadge status={pool.status ?? (pool.paused ? 'PAUSED' : undefined)} />
                    </td>
                    <td>{pool.paused ? 'Yes' : 'No'}</td>
                    <td>
                      <Limit value={pool.concurrencyLimit} />
                    </td>
                    <td>
                      <Time iso={pool.updated} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Async>
    </>
  );
}

export function WorkPoolPage({ name }: { name: string }) {
  const loaded = useApi((signal) => api.workPool(name, signal), [name], { refreshMs: REFRESH_MS });
  const queues = useApi((signal) => api.workQueues(name, signal), [name], { refreshMs: REFRESH_MS });
  const workers = useApi((signal) => api.workers(name, signal), [name], { refreshMs: REFRESH_MS });
  const [override, setOverride] = useState<WorkPool | undefined>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>();

  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFound what="work pool" />;
  const pool = override && override.updated >= (loaded.data?.updated ?? '') ? override : loaded.data;
  if (!pool) return loaded.error ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : <Loading what="Loading the work pool" />;

  const togglePause = async () => {
    setBusy(true);
    setActionError(undefined);
    try {
      setOverride(await (pool.paused ? api.resumeWorkPool(pool.name) : api.pauseWorkPool(pool.name)));
      loaded.reload();
      queues.reload();
    } catch (e) {
      setActionError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        crumbs={<Link href="/work-pools">Work pools</Link>}
        title={
          <>
            {pool.name} <StatusBadge status={pool.status ?? (pool.paused ? 'PAUSED' : undefined)} />
          </>
        }
      >
        <button type="button" onClick={togglePause} disabled={busy} title={pool.paused ? 'Let its workers get runs again' : 'Its workers get no runs while paused'}>
          {pool.paused ? 'Resume' : 'Pause'}
        </button>
      </PageHeader>
      {actionError && <ErrorBox error={actionError} />}
      {pool.description && <p className="description">{pool.description}</p>}
      <dl className="facts" data-testid="work-pool-facts">
        <div>
          <dt>Type</dt>
          <dd className="mono small">{pool.type}</dd>
        </div>
        <div>
          <dt>Paused</dt>
          <dd>{pool.paused ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Concurrency limit</dt>
          <dd>
            <Limit value={pool.concurrencyLimit} />
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <Time iso={pool.created} />
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>
            <Time iso={pool.updated} />
          </dd>
        </div>
        <div>
          <dt>Id</dt>
          <dd className="mono small">{pool.id}</dd>
        </div>
      </dl>

      <section aria-labelledby="workers-title">
        <h2 id="workers-title">Workers</h2>
        <Async loaded={workers} what="Loading workers">
          {(list) =>
            list.length === 0 ? (
              <Empty title="No workers yet">
                Start one with <code>weir worker start --pool {pool.name}</code>; it appears here with its first heartbeat.
              </Empty>
            ) : (
              <table className="table" data-testid="worker-table">
                <thead>
                  <tr>
                    <th scope="col">Worker</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last heartbeat</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((w) => (
                    <tr key={w.id} data-worker={w.name}>
                      <td>{w.name}</td>
                      <td>
                        <StatusBadge status={w.status} />
                      </td>
                      <td>
                        <TimeAgo iso={w.lastHeartbeat} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Async>
      </section>

      <section aria-labelledby="queues-title">
        <h2 id="queues-title">Queues</h2>
        <Async loaded={queues} what="Loading queues">
          {(list) =>
            list.length === 0 ? (
              <Empty title="No queues" />
            ) : (
              <table className="table" data-testid="queue-table">
                <thead>
                  <tr>
                    <th scope="col">Queue</th>
                    <th scope="col">Priority</th>
                    <th scope="col">Status</th>
                    <th scope="col">Concurrency limit</th>
                    <th scope="col">Paused</th>
                    <th scope="col">Last polled</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((q) => (
                    <tr key={q.id} data-queue={q.name}>
                      <td>{q.name}</td>
                      <td className="num" title="1 is the highest">
                        {q.priority}
                      </td>
                      <td>
                        <StatusBadge status={q.status ?? (q.paused ? 'PAUSED' : undefined)} />
                      </td>
                      <td>
                        <Limit value={q.concurrencyLimit} />
                      </td>
                      <td>{q.paused ? 'Yes' : 'No'}</td>
                      <td>
                        <TimeAgo iso={q.lastPolled} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Async>
      </section>
    </>
  );
}
