/**
 * Loads data from the API and keeps it fresh: refreshes every refreshMs when asked, retries with
 * back-off while the server is down (keeping what was shown), and aborts what is in flight when
 * the inputs change or the component goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiDownError } from './api';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

export interface LoadOptions {
  /** Refresh this often while mounted; 0 or absent for never (still retried while the server is down). */
  refreshMs?: number;
  /** Keep showing the previous inputs' data while the new inputs load (lists whose filters change). */
  keepPrevious?: boolean;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], options: LoadOptions = {}): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const failures = useRef(0);
  const { refreshMs = 0, keepPrevious = false } = options;
  const key = JSON.stringify(deps);
  const lastKey = useRef(key);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (lastKey.current !== key) {
      lastKey.current = key;
      failures.current = 0;
      setState((s) => (keepPrevious ? { ...s, loading: true } : { loading: true }));
    }
    loadRef
      .current(controller.signal)
      .then((data) => {
        if (controller.signal.aborted) return;
        failures.current = 0;
        setState({ data, loading: false });
        if (refreshMs > 0) timer = setTimeout(() => setTick((t) => t + 1), refreshMs);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const err = error instanceof Error ? error : new Error(String(error));
        setState((s) => ({ data: s.data, error: err, loading: false }));
        if (err instanceof ApiDownError) {
          failures.current += 1;
          const backoff = Math.min(15_000, 1000 * 2 ** Math.min(failures.current - 1, 4));
          timer = setTimeout(() => setTick((t) => t + 1), backoff);
        }
      });
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick, refreshMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
