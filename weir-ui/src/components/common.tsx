/** Small building blocks shared by every page: state badges, times, and the loading, empty and error states. */
import type { ReactNode } from 'react';
import { ApiDownError, ApiError, UnauthorizedError } from '../lib/api';
import { stateColour, typeLabel } from '../lib/states';
import { formatDuration, formatTime, utcTitle } from '../lib/time';
import type { State } from '../lib/types';

export function StateBadge({ state, type, label }: { state?: Pick<State, 'type' | 'name'>; type?: string; label?: string }) {
  const t = state?.type ?? type ?? '';
  const colour = stateColour(t);
  const text = label ?? state?.name ?? typeLabel(t);
  return (
    <span
      className="badge"
      data-state={t}
      title={text.toUpperCase() === t ? t : `${text} (${t})`}
      style={{ background: colour.bg, color: colour.fg }}
    >
      {text}
    </span>
  );
}

/** An instant in the browser's time zone; the UTC value as its tooltip. */
export function Time({ iso }: { iso?: string | null }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={utcTitle(iso)}>
      {formatTime(iso)}
    </time>
  );
}

export function Duration({ ms }: { ms: number | null | undefined }) {
  return <span className="num">{formatDuration(ms)}</span>;
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <div className="placeholder" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {what}…
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="placeholder empty">
      <strong>{title}</strong>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const heading =
    error instanceof ApiDownError
      ? 'The server does not answer'
      : error instanceof UnauthorizedError
        ? 'An API key is needed'
        : error instanceof ApiError
          ? `The server refused (${error.status})`
          : 'Something went wrong';
  return (
    <div className="placeholder error" role="alert">
      <strong>{heading}</strong>
      <div>{error.message}</div>
      {error instanceof ApiDownError && <div className="muted">Retrying…</div>}
      {onRetry && !(error instanceof ApiDownError) && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders data once loaded; otherwise its loading or error state (an error over stale data shows both). */
export function Async<T>({
  loaded,
  what,
  children,
}: {
  loaded: { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void };
  what?: string;
  children: (data: T) => ReactNode;
}) {
  if (loaded.data !== undefined) {
    return (
      <>
        {loaded.error && !(loaded.error instanceof ApiDownError) && <ErrorBox error={loaded.error} onRetry={loaded.reload} />}
        {children(loaded.data)}
      </>
    );
  }
  if (loaded.error) return <ErrorBox error={loaded.error} onRetry={loaded.reload} />;
  return <Loading what={what} />;
}

export function PageHeader({ title, children, crumbs }: { title: ReactNode; children?: ReactNode; crumbs?: ReactNode }) {
  return (
    <header className="page-header">
      {crumbs && <div className="crumbs">{crumbs}</div>}
      <div className="page-title">
        <h1>{title}</h1>
        {children && <div className="actions">{children}</div>}
      </div>
    </header>
  );
}
