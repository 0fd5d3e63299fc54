/**
 * The actions on one flow run: Cancel (confirmed first) while it is not final, Retry once it is final
 * (deployment runs only: a worker must be able to start it again), and Resume while it is paused, with
 * a form from the run-input schema the paused flow waits for. Each answers with the orchestration
 * rules' verdict; a refusal's reason is shown, and the run is read again after every action.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../lib/api';
import { buildParameters, formFields, initialValues, problemField, type Field, type FormValues } from '../lib/schemaForm';
import type { FlowRun, JsonSchema, OrchestrationAnswer, State, StateType } from '../lib/types';
import { SchemaForm } from './SchemaForm';
import { Time } from './common';

const CANCELLABLE: StateType[] = ['SCHEDULED', 'PENDING', 'RUNNING', 'PAUSED'];
const RETRYABLE: StateType[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];
export const NO_RETRY_TOOLTIP = 'only deployment runs can be retried from the UI';

/** A paused state's timeout and wanted input, from `details.pause` (or the flat fields). */
export function pauseOf(state: State): { timeout?: string; inputSchema?: JsonSchema } {
  const d = state.details;
  if (!d) return {};
  return { timeout: d.pause?.timeout ?? d.pauseTimeout ?? undefined, inputSchema: d.pause?.inputSchema ?? d.runInputSchema ?? undefined };
}

type Outcome = { kind: 'ok' | 'refused' | 'error'; text: string };

/** What an answer means for the person who pressed the button. */
function describeAnswer(action: string, answer: OrchestrationAnswer): Outcome {
  const reason = answer.reason ? `: ${answer.reason}` : '';
  switch (answer.status) {
    case 'ACCEPT':
      return { kind: 'ok', text: `${action}: the run is now ${answer.state?.name ?? answer.state?.type ?? 'changed'}.` };
    case 'WAIT': {
      const delay = answer.delaySeconds ? `; try again in ${Math.ceil(answer.delaySeconds)} s` : '; try again shortly';
      return { kind: 'refused', text: `${action} must wait${reason}${delay}.` };
    }
    case 'REJECT':
      return { kind: 'refused', text: `${action} was rejected${reason}` };
    default:
      return { kind: 'refused', text: `${action} was aborted${reason}` };
  }
}

function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.problem.detail || e.problem.title || e.message;
  return e instanceof Error ? e.message : String(e);
}

/** The name of the form field a 422 is about: `runInput.name`, or the bare name. */
function inputField(error: unknown, fields: Field[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const field = problemField(error.problem, fields, 'runInput');
  if (field) return field;
  const bare = error.problem.field;
  return bare && fields.some((f) => f.name === bare) ? bare : undefined;
}

export function RunActions({ run, onChanged }: { run: FlowRun; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [resuming, setResuming] = useState(false);
  const type = run.state.type;

  const act = async (action: string, send: () => Promise<OrchestrationAnswer>): Promise<boolean> => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const answer = await send();
      setOutcome(describeAnswer(action, answer));
      return answer.status === 'ACCEPT';
    } catch (e) {
      setOutcome({ kind: 'error', text: `${action} failed: ${errorText(e)}` });
      return false;
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  const cancel = async () => {
    setConfirming(false);
    await act('Cancel', () => api.cancelFlowRun(run.id));
  };
  const retry = () => act('Retry', () => api.retryFlowRun(run.id));

  return (
    <>
      {CANCELLABLE.includes(type) && (
        <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
          Cancel
        </button>
      )}
      {type === 'PAUSED' && (
        <button type="button" className="primary" onClick={() => setResuming(true)} disabled={busy}>
          Resume
        </button>
      )}
      {RETRYABLE.includes(type) &&
        (run.deploymentId ? (
          <button type="button" onClick={retry} disabled={busy} title="Run it again from its deployment">
            Retry
          </button>
        ) : (
          <span title={NO_RETRY_TOOLTIP} className="disabled-wrap" data-testid="retry-disabled">
            <button type="button" disabled aria-disabled="true" aria-label={`Retry (${NO_RETRY_TOOLTIP})`}>
              Retry
            </button>
          </span>
        ))}
      {outcome && (
        <div className={`action-outcome ${outcome.kind}`} role={outcome.kind === 'ok' ? 'status' : 'alert'} data-testid="action-outcome">
          {outcome.text}
          <button type="button" className="link-button" onClick={() => setOutcome(undefined)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {confirming && (
        <Dialog title="Cancel this run?" onClose={() => setConfirming(false)}>
          <p>
            <strong>{run.name}</strong> will be cancelled: {type === 'SCHEDULED' ? 'it will not start.' : 'its worker is told to stop it.'}
          </p>
          <div className="form-actions">
            <button type="button" className="danger" onClick={cancel} autoFocus>
              Cancel the run
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </Dialog>
      )}
      {resuming && (
        <ResumeDialog
          run={run}
          onClose={() => setResuming(false)}
          onAnswer={(answer) => {
            setResuming(false);
            setOutcome(describeAnswer('Resume', answer));
            onChanged();
          }}
        />
      )}
    </>
  );
}

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const id = `dialog-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="dialog panel" role="dialog" aria-modal="true" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Resume, with the input the paused flow asked for (a form from state.details.runInputSchema), checked before sending. */
function ResumeDialog({ run, onClose, onAnswer }: { run: FlowRun; onClose: () => void; onAnswer: (answer: OrchestrationAnswer) => void }) {
  const { timeout, inputSchema: schema } = pauseOf(run.state);
  const fields = useMemo(() => formFields(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(undefined);
    let runInput: Record<string, unknown> | undefined;
    if (schema) {
      const built = buildParameters(schema, fields, values);
      if (Object.keys(built.errors).length > 0) {
        setErrors(built.errors);
        return;
      }
      runInput = built.parameters;
    }
    setErrors({});
    setSending(true);
    try {
      onAnswer(await api.resumeFlowRun(run.id, runInput));
    } catch (e) {
      const field = inputField(e, fields);
      if (field) setErrors({ [field]: errorText(e) });
      else setFormError(errorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog title="Resume this run" onClose={onClose}>
      <form onSubmit={submit} noValidate data-testid="resume-form">
        {timeout && (
          <p className="muted" data-testid="pause-timeout">
            Times out at <Time iso={timeout} /> unless resumed.
          </p>
        )}
        {formError && (
          <div className="field-error" role="alert" data-testid="resume-error">
            {formError}
          </div>
        )}
        {schema ? (
          <SchemaForm
            fields={fields}
            values={values}
            errors={errors}
            emptyText="The flow waits for no input."
            onChange={(field, value) => {
              setValues((v) => ({ ...v, [field]: value }));
              setErrors(({ [field]: _gone, ...rest }) => rest);
            }}
          />
        ) : (
          <p>The flow carries on from where it paused.</p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Resuming…' : 'Resume'}
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  );
}
