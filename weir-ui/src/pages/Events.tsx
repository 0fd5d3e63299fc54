/** Events, newest first: every state change of a flow run or task run is one. */
import { useState } from 'react';
import { Async, Empty, PageHeader, Time } from '../components/common';
import { api } from '../lib/api';
import { Link } from '../lib/router';
import { useApi } from '../lib/useApi';

const PAGE = 50;

export function Events() {
  const [prefix, setPrefix] = useState('weir.flow-run.');
  const [page, setPage] = useState(0);
  // The API lists oldest first; count, then read the page that ends at the newest.
  const events = useApi(
    async (signal) => {
      const count = await api.countEvents({ namePrefix: prefix || undefined }, signal);
      const offset = Math.max(0, count - (page + 1) * PAGE);
      const limit = Math.min(PAGE, count - page * PAGE);
      const list = limit > 0 ? await api.events({ namePrefix: prefix || undefined, offset, limit }, signal) : [];
      return { count, list: list.reverse() };
    },
    [prefix, page],
    { refreshMs: 5000, keepPrevious: true },
  );
  return (
    <>
      <PageHeader title="Events" />
      <div className="filters">
        <label>
          Kind
          <select value={prefix} onChange={(e) => { setPrefix(e.target.value); setPage(0); }}>
            <option value="weir.flow-run.">Flow-run events</option>
            <option value="weir.task-run.">Task-run events</option>
            <option value="">All events</option>
          </select>
        </label>
      </div>
      <Async loaded={events} what="Loading events">
        {({ count, list }) =>
          list.length === 0 ? (
            <Empty title="No events yet">Events are recorded as runs change state.</Empty>
          ) : (
            <>
              <table className="table" data-testid="event-table">
                <thead>
                  <tr>
                    <th scope="col">Occurred</th>
                    <th scope="col">Event</th>
                    <th scope="col">Resource</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <Time iso={e.occurred} />
                      </td>
                      <td className="mono small">{e.event}</td>
                      <td>
                        <EventResource labels={e.resource} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="pager">
                <span className="muted">
                  {page * PAGE + 1}–{page * PAGE + list.length} of {count}, newest first
                </span>
                <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                  Newer
                </button>
                <button type="button" disabled={(page + 1) * PAGE >= count} onClick={() => setPage(page + 1)}>
                  Older
                </button>
              </div>
            </>
          )
        }
      </Async>
    </>
  );
}

function EventResource({ labels }: { labels: Record<string, string> }) {
  const id = labels['weir.resource.id'] ?? '';
  const name = labels['weir.resource.name'] ?? id;
  const run = /^weir\.flow-run\.(.+)$/.exec(id);
  return run ? <Link href={`/runs/${run[1]}`}>{name}</Link> : <span className="mono small">{name}</span>;
}
