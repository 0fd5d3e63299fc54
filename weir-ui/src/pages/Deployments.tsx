/**
 * Deployments: the list, and one deployment with its schedules and their next runs, pause and
 * resume, its recent runs (the flow-run filter's deploymentId), and Run / Custom run (a form from its
 * parameter schema).
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Async, Empty, ErrorBox, Loading, PageHeader, Time } from '../components/common';
import { FlowRunTable } from '../components/FlowRunTable';
import { SchemaForm } from '../components/SchemaForm';
import { api, ApiError } from '../lib/api';
import { Link, navigate } from '../lib/router';
import { buildParameters, formFields, initialValues, problemField, type FormValues } from '../lib/schemaForm';
import { describeSchedule } from '../lib/schedules';
import type { Deployment, FlowRun } from '../lib/types';
import { useApi } from '../lib/useApi';
import { NotFound } from './Placeholders';

function schedulesSummary(d: Deployment): string {
  if (d.schedules.length === 0) return 'None';
  const first = describeSchedule(d.schedules[0].schedule);
  return d.schedules.length === 1 ? first : `${first} and ${d.schedules.length - 1} more`;
}

function Tags({ tags }: { tags: string[] }) {
  return (
    <>
      {tags.map((tag) => (
        <span key={tag} className="tag">
          {tag}
        </span>
      ))}
    </>
  );
}

export function Deployments() {
  const list = useApi((signal) => api.deployments({ limit: 1000 }, signal), [], { refreshMs: 15_000 });
  return (
    <>
      <PageHeader title="Deployments" />
      <Async loaded={list} what="Loading deployments">
        {(deployments) =>
          deployments.length === 0 ? (
            <Empty title="No deployments yet">
              A deployment registers a flow to run on a schedule or on demand: POST /api/deployments, or weir deploy.
            </Empty>
          ) : (
            <table className="table" data-testid="deployment-table">
              <thead>
                <tr>
                  <th scope="col">Deployment</th>
                  <th scope="col">Flow</th>
                  <th scope="col">Schedules</th>
                  <th scope="col">Status</th>
                  <th scope="col">Work pool</th>
                  <th scope="col">Tags</th>
                </tr>
              </thead>
              <tbody>
                {deployments.map((d) => (
                  <tr key={d.id} data-deployment-id={d.id}>
                    <td>
                      <Link href={`/deployments/${d.id}`}>{d.name}</Link>
                    </td>
                    <td>
                      <Link href={`/flows/${encodeURIComponent(d.flowName)}`}>{d.flowName}</Link>
                    </td>
                    <td className="small">{schedulesSummary(d)}</td>
                    <td>{d.paused ? <span className="tag paused">Paused</span> : <span className="muted">Active</span>}</td>
                    <td>{d.workPoolName ?? <span className="muted">—</span>}</td>
                    <td>
                      <Tags tags={d.tags} />
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

/** The deployment's runs: upcoming scheduled ones, and recent ones with how many there are in all. */
function useDeploymentRuns(d: Deployment | undefined) {
  const upcoming = useApi(
    async (signal) =>
      d ? api.flowRuns({ deploymentId: d.id, states: ['SCHEDULED'], sort: 'EXPECTED_START_TIME_ASC', limit: 5 }, signal) : [],
    [d?.id, d?.paused, d?.updated],
    { refreshMs: 10_000 },
  );
  const recent = useApi(
    async (signal) => {
      if (!d) return { list: [] as FlowRun[], count: 0 };
      const [list, count] = await Promise.all([
        api.flowRuns({ deploymentId: d.id, sort: 'CREATED_DESC', limit: 20 }, signal),
        api.countFlowRuns({ deploymentId: d.id }, signal),
      ]);
      return { list, count };
    },
    [d?.id],
    { refreshMs: 10_000 },
  );
  return { upcoming, recent };
}

export function DeploymentPage({ id }: { id: string }) {
  const loaded = useApi((signal) => api.deployment(id, signal), [id], { refreshMs: 15_000 });
  const [override, setOverride] = useState<Deployment | undefined>();
  const deployment = override && override.updated >= (loaded.data?.updated ?? '') ? override : loaded.data;
  const { upcoming, recent } = useDeploymentRuns(deployment);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>();
  const [custom, setCustom] = useState(false);

  if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400)) return <NotFound what="deployment" />;
  if (!deployment) return loaded.error ? <ErrorBox error={loaded.error} onRetry={loaded.reload} /> : <Loading what="Loading the deployment" />;
  const d = deployment;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await work();
    } catch (e) {
      setActionError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const togglePause = () =>
    act(async () => {
      setOverride(await (d.paused ? api.resumeDeployment(d.id) : api.pauseDeployment(d.id)));
      loaded.reload();
    });
  const quickRun = () =>
    act(async () => {
      const run = await api.createDeploymentRun(d.id, {});
      navigate(`/runs/${run.id}`);
    });

  return (
    <>
      <PageHeader
        crumbs={
          <>
            <Link href="/deployments">Deployments</Link> / <Link href={`/flows/${encodeURIComponent(d.flowName)}`}>{d.flowName}</Link>
          </>
        }
        title={
          <>
            {d.name} {d.paused && <span className="tag paused">Paused</span>}
          </>
        }
      >
        <button type="button" onClick={togglePause} disabled={busy}>
          {d.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={quickRun} disabled={busy} title="Create a run now with the deployment's default parameters">
          Run
        </button>
        <button type="button" onClick={() => setCustom((c) => !c)} aria-expanded={custom} className={custom ? 'active' : undefined}>
          Custom run
        </button>
      </PageHeader>
      {actionError && <ErrorBox error={actionError} />}
      {d.description && <p className="description">{d.description}</p>}
      <dl className="facts" data-testid="deployment-facts">
        <div>
          <dt>Flow</dt>
          <dd>
            {d.flowName}
            {d.version && <span className="muted"> v{d.version}</span>}
          </dd>
        </div>
        <div>
          <dt>Entrypoint</dt>
          <dd className="mono small">{d.entrypoint}</dd>
        </div>
        <div>
          <dt>Work pool</dt>
          <dd>
            {d.workPoolName ?? <span className="muted">—</span>}
            {d.workQueueName && <span className="muted"> / {d.workQueueName}</span>}
          </dd>
        </div>
        <div>
          <dt>Concurrency limit</dt>
          <dd className="num">{d.concurrencyLimit ?? <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Schema enforced</dt>
          <dd>{d.enforceParameterSchema ? 'Yes' : 'No'}</dd>
        </div>
        {d.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>
              <Tags tags={d.tags} />
            </dd>
          </div>
        )}
        <div>
          <dt>Updated</dt>
          <dd>
            <Time iso={d.updated} />
          </dd>
        </div>
        <div>
          <dt>Id</dt>
          <dd className="mono small">{d.id}</dd>
        </div>
      </dl>

      {custom && <CustomRun deployment={d} onCancel={() => setCustom(false)} />}

      <section aria-labelledby="schedules-title">
        <h2 id="schedules-title">Schedules</h2>
        {d.schedules.length === 0 ? (
          <Empty title="No schedules">Runs of this deployment are made on demand only.</Empty>
        ) : (
          <ul className="schedules" data-testid="schedules">
            {d.schedules.map((s) => (
              <li key={s.id} className={s.active ? undefined : 'muted'}>
                {describeSchedule(s.schedule)}
                {s.slug && <span className="tag subtle">{s.slug}</span>}
                {!s.active && <span className="tag">inactive</span>}
              </li>
            ))}
          </ul>
        )}
        <h3>Next runs</h3>
        <Async loaded={upcoming} what="Loading scheduled runs">
          {(runs) => <NextRuns runs={runs} paused={d.paused} />}
        </Async>
      </section>

      <section aria-labelledby="recent-title">
        <h2 id="recent-title">Recent runs</h2>
        <Async loaded={recent} what="Loading runs">
          {({ list, count }) =>
            list.length === 0 ? (
              <Empty title="No runs yet">Press Run to start one, or wait for its schedule.</Empty>
            ) : (
              <>
                <FlowRunTable runs={list} showFlow={false} />
                <p className="muted small" data-testid="deployment-run-count">
                  The latest {list.length} of {count}; <Link href={`/runs?deployment=${d.id}`}>all its runs</Link>.
                </p>
              </>
            )
          }
        </Async>
      </section>

      <section aria-labelledby="defaults-title">
        <h2 id="defaults-title">Default parameters</h2>
        {Object.keys(d.parameters).length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <pre className="json" data-testid="deployment-parameters">
            {JSON.stringify(d.parameters, null, 2)}
          </pre>
        )}
      </section>
    </>
  );
}

function NextRuns({ runs, paused }: { runs: FlowRun[]; paused: boolean }) {
  if (paused) return <p className="muted">Paused: the scheduler makes no runs until the deployment is resumed.</p>;
  if (runs.length === 0) return <p className="muted">No scheduled runs yet; the scheduler makes them ahead of time.</p>;
  return (
    <ol className="next-runs" data-testid="next-runs">
      {runs.slice(0, 5).map((r) => (
        <li key={r.id}>
          <Time iso={r.expectedStartTime ?? r.state.details?.scheduledTime} /> <Link href={`/runs/${r.id}`}>{r.name}</Link>
        </li>
      ))}
    </ol>
  );
}

export function CustomRun({ deployment, onCancel }: { deployment: Deployment; onCancel?: () => void }) {
  const fields = useMemo(() => formFields(deployment.parameterSchema), [deployment.parameterSchema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, deployment.parameters));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<Error | undefined>();
  const [sending, setSending] = useState(false);
  const [name, setName] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    const built = buildParameters(deployment.parameterSchema, fields, values);
    // With the schema not enforced, the server takes what it is given: show the rules but still send.
    if (Object.keys(built.errors).length > 0 && deployment.enforceParameterSchema) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setSending(true);
    try {
      const run = await api.createDeploymentRun(deployment.id, { parameters: built.parameters, name: name.trim() || undefined });
      navigate(`/runs/${run.id}`);
    } catch (e) {
      const field = e instanceof ApiError ? problemField(e.problem, fields) : undefined;
      if (field && e instanceof ApiError) setErrors({ [field]: e.message });
      else setFormError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="custom-run panel" onSubmit={submit} noValidate aria-labelledby="custom-run-title" data-testid="custom-run">
      <h2 id="custom-run-title">Custom run</h2>
      {formError && <ErrorBox error={formError} />}
      <SchemaForm
        fields={fields}
        values={values}
        errors={errors}
        onChange={(field, value) => {
          setValues((v) => ({ ...v, [field]: value }));
          setErrors(({ [field]: _gone, ...rest }) => rest);
        }}
      />
      <div className="form-field">
        <label htmlFor="run-name">
          Run name <span className="muted small">optional</span>
        </label>
        <input id="run-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="generated when empty" />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Creating…' : 'Create run'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
