/** The flows the server knows, and one flow's runs. */
import { Async, Empty, PageHeader, Time } from '../components/common';
import { api } from '../lib/api';
import { Link } from '../lib/router';
import { useApi } from '../lib/useApi';
import { FlowRunList } from './FlowRuns';

export function Flows() {
  const flows = useApi(
    async (signal) => {
      const list = await api.flows(signal);
      const counts = await Promise.all(list.slice(0, 100).map((f) => api.countFlowRuns({ flowNames: [f.name] }, signal)));
      return list.map((flow, i) => ({ flow, runs: counts[i] as number | undefined }));
    },
    [],
    { refreshMs: 15_000 },
  );
  return (
    <>
      <PageHeader title="Flows" />
      <Async loaded={flows} what="Loading flows">
        {(list) =>
          list.length === 0 ? (
            <Empty title="No flows yet">A flow appears here once it has run against this server.</Empty>
          ) : (
            <table className="table" data-testid="flow-table">
              <thead>
                <tr>
                  <th scope="col">Flow</th>
                  <th scope="col">Runs</th>
                  <th scope="col">First seen</th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ flow, runs }) => (
                  <tr key={flow.id}>
                    <td>
                      <Link href={`/flows/${encodeURIComponent(flow.name)}`}>{flow.name}</Link>
                    </td>
                    <td className="num">{runs ?? '—'}</td>
                    <td>
                      <Time iso={flow.created} />
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

export function FlowPage({ name }: { name: string }) {
  return (
    <>
      <PageHeader title={name} crumbs={<Link href="/flows">Flows</Link>} />
      <FlowRunList fixedFlow={name} />
    </>
  );
}
