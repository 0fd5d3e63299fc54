/** The dashboard: flow-run counts by state over a period, failed and late runs first, then the work pools' health. */
import { useState } from 'react';
import { Async, Empty, PageHeader, StatusBadge } from '../components/common';
import { FlowRunTable } from '../components/FlowRunTable';
import { api } from '../lib/api';
import { Link } from '../lib/router';
import { stateColour, typeLabel } from '../lib/states';
import { PERIODS, periodStart } from '../lib/time';
import { STATE_TYPES, type StateType } from '../lib/types';
import { useApi } from '../lib/useApi';
import { poolHref } from './WorkPools';

/** At most this many pools get their workers and queues read for the health panel. */
const HEALTH_POOLS = 20;

/** Failures first: what needs someone's attention leads. */
const ORDER: StateType[] = ['FAILED', 'CRASHED', ...STATE_TYPES.filter((t) => t !== 'FAILED' && t !== 'CRASHED')];

export function Dashboard() {
  const [period, setPeriod] = useState('24h');
  const startAfter = periodStart(period);
  const counts = useApi(
    async (signal) => {
      const values = await Promise.all(ORDER.map((type) => api.countFlowRuns({ states: [type], startAfter }, signal)));
      return Object.fromEntries(ORDER.map((type, i) => [type, values[i]])) as Record<StateType, number>;
    },
    [period],
    { refreshMs: 10_000, keepPrevious: true },
  );
  const failed = useApi(
    (signal) => api.flowRuns({ states: ['FAILED', 'CRASHED'], startAfter, sort: 'START_TIME_DESC', limit: 10 }, signal),
    [period],
    { refreshMs: 10_000, keepPrevious: true },
  );
  // Late runs have not started, so the period (which is on start time) does not apply to them.
  const late = useApi(
    async (signal) =>
      (await api.flowRuns({ states: ['SCHEDULED'], sort: 'EXPECTED_START_TIME_ASC', limit: 200 }, signal)).filter(
        (run) => run.state.name === 'Late',
      ),
    [],
    { refreshMs: 10_000 },
  );

  return (
    <>
      <PageHeader title="Dashboard">
        <label>
          Period{' '}
          <select value={period} onChange={(e) => setPeriod(e.target.value)}>
            {PERIODS.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </PageHeader>
      <Async loaded={counts} what="Counting flow runs">
        {(byState) => {
          const total = ORDER.reduce((sum, t) => sum + byState[t], 0);
          return (
            <section aria-label="Flow runs by state">
              <div className="cards">
                <div className="card total">
                  <div className="card-value num">{total}</div>
                  <div className="card-label">flow runs started</div>
                </div>
                <div className="card" data-state="LATE">
                  <div className="card-value num">{late.data ? late.data.length + (late.data.length === 200 ? '+' : '') : '…'}</div>
                  <div className="card-label">late</div>
                </div>
                {ORDER.map((type) => (
                  <Link
                    key={type}
                    href={`/runs?state=${type}${period === 'all' ? '' : `&period=${period}`}`}
                    className="card"
                    data-state={type}
                    style={{ borderLeftColor: stateColour(type).bg }}
                  >
                    <div className="card-value num">{byState[type]}</div>
                    <div className="card-label">{typeLabel(type)}</div>
                  </Link>
                ))}
              </div>
              {total > 0 && (
                <div className="bar" role="img" aria-label={ORDER.map((t) => `${byState[t]} ${typeLabel(t)}`).join(', ')}>
                  {ORDER.filter((t) => byState[t] > 0).map((t) => (
                    <span key={t} style={{ flexGrow: byState[t], background: stateColour(t).bg }} title={`${typeLabel(t)}: ${byState[t]}`} />
                  ))}
                </div>
              )}
            </section>
          );
        }}
      </Async>
      <section aria-labelledby="failed-title">
        <h2 id="failed-title">Failed and crashed runs</h2>
        <Async loaded={failed} what="Loading failed runs">
          {(runs) => (runs.length ? <FlowRunTable runs={runs} /> : <Empty title="No failed runs in this period" />)}
        </Async>
      </section>
      <section aria-labelledby="late-title">
        <h2 id="late-title">Late runs</h2>
        <Async loaded={late} what="Loading late runs">
          {(runs) => (runs.length ? <FlowRunTable runs={runs.slice(0, 10)} /> : <Empty title="No late runs" />)}
        </Async>
      </section>
      <PoolHealth />
    </>
  );
}

/** Each work pool with how many of its workers are online and of its queues ready. */
function PoolHealth() {
  const health = useApi(
    async (signal) => {
      const pools = await api.workPools(signal);
      const rows = await Promise.all(
        pools.slice(0, HEALTH_POOLS).map(async (pool) => {
          const [workers, queues] = await Promise.all([api.workers(pool.name, signal), api.workQueues(pool.name, signal)]);
          return {
            pool,
            online: workers.filter((w) => w.status === 'ONLINE').length,
            workers: workers.length,
            ready: queues.filter((q) => q.status === 'READY').length,
            queues: queues.length,
          };
        }),
      );
      return { rows, total: pools.length };
    },
    [],
    { refreshMs: 10_000 },
  );
  return (
    <section aria-labelledby="pools-title">
      <h2 id="pools-title">Work pools</h2>
      <Async loaded={health} what="Loading work pools">
        {({ rows, total }) =>
          rows.length === 0 ? (
            <Empty title="No work pools">
              Deployments with a work pool run on its workers; see <Link href="/work-pools">Work pools</Link>.
            </Empty>
          ) : (
            <>
              <table className="table" data-testid="pool-health">
                <thead>
                  <tr>
                    <th scope="col">Pool</th>
                    <th scope="col">Status</th>
                    <th scope="col">Workers online</th>
                    <th scope="col">Queues ready</th>
                    <th scope="col">Paused</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ pool, online, workers, ready, queues }) => (
                    <tr key={pool.id} data-pool={pool.name} className={online === 0 && !pool.paused ? 'attention' : undefined}>
                      <td>
                        <Link href={poolHref(pool.name)}>{pool.name}</Link>
                      </td>
                      <td>
                        <StatusBadge status={pool.status ?? (pool.paused ? 'PAUSED' : undefined)} />
                      </td>
                      <td className="num" data-testid="workers-online">
                        {online} of {workers}
                      </td>
                      <td className="num" data-testid="queues-ready" title="A queue is ready while a worker polled it in the last minute">
                        {ready} of {queues}
                      </td>
                      <td>{pool.paused ? 'Yes' : 'No'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {total > rows.length && (
                <p className="muted small">
                  The first {rows.length} of {total} pools; <Link href="/work-pools">see all</Link>.
                </p>
              )}
            </>
          )
        }
      </Async>
    </section>
  );
}
