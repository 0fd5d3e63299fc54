/** Small building blocks shared by every page: state badges, times, and the loading, empty and error states. */
import { useEffect, useState, type ReactNode } from 'react';
import { ApiDownError, ApiError, UnauthorizedError } from '../lib/api';
import { stateColour, statusColour, statusLabel, typeLabel } from '../lib/states';
import { formatAgo, formatDuration, formatTime, utcTitle } from '../lib/time';
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

/** The status of a work pool, queue or worker (READY, NOT_READY, PAUSED, ONLINE, OFFLINE). */
export function StatusBadge({ status }: { status?: string }) {
  if (!status) return <span className="muted">—</span>;
  const colour = statusColour(status);
  return (
    <span className="badge" data-status={status} title={status} style={{ background: colour.bg, color: colour.fg }}>
      {statusLabel(status)}
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

/** The current time, re-read every intervalMs while mounted (for "x s ago"). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** An instant in the browser's time zone (UTC in its tooltip) followed by how long ago it was. */
export function TimeAgo({ iso, never = 'never' }: { iso?: string | null; never?: string }) {
  const now = useNow();
  if (!iso) return <span className="muted">{never}</span>;
  return (
    <span className="time-ago">
      <Time iso={iso} /> <span className="muted small ago">({formatAgo(iso, now)})</span>
    </span>
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
