/** Test data builders for the API's wire types. */
import type { FlowRun, LogLine, State, StateType, TaskRun, WorkPool, WorkQueue, Worker } from '../lib/types';

export function aState(type: StateType, timestamp = '2026-05-03T12:00:00Z', message = ''): State {
  return { type, name: type.charAt(0) + type.slice(1).toLowerCase(), message, timestamp };
}

let counter = 0;

export function aFlowRun(overrides: Partial<FlowRun> = {}): FlowRun {
  counter += 1;
  return {
    id: `0193${String(counter).padStart(4, '0')}-0000-7000-8000-000000000000`,
    name: `run-${counter}`,
    flowName: 'pipeline',
    parameters: {},
    tags: [],
    state: aState('COMPLETED'),
    runCount: 1,
    createdAt: '2026-05-03T12:00:00Z',
    startTime: '2026-05-03T12:00:01Z',
    endTime: '2026-05-03T12:00:03.5Z',
    ...overrides,
  };
}

export function aTaskRun(id: string, overrides: Partial<TaskRun> = {}): TaskRun {
  return {
    id,
    name: id,
    taskKey: `Pipeline.${id}`,
    dynamicKey: 0,
    tags: [],
    inputs: {},
    state: aState('COMPLETED'),
    runCount: 1,
    createdAt: '2026-05-03T12:00:00Z',
    ...overrides,
  };
}

export function aLogLine(id: number, level: string, message: string, overrides: Partial<LogLine> = {}): LogLine {
  return { id, level, message, logger: 'dev.weir.flow', timestamp: `2026-05-03T12:00:${String(id % 60).padStart(2, '0')}Z`, ...overrides };
}

export function aWorkPool(name: string, overrides: Partial<WorkPool> = {}): WorkPool {
  return {
    id: `pool-${name}`,
    name,
    type: 'process',
    concurrencyLimit: null,
    paused: false,
    created: '2026-05-03T11:00:00Z',
    updated: '2026-05-03T11:00:00Z',
    status: 'READY',
    ...overrides,
  };
}

export function aWorkQueue(pool: string, name: string, overrides: Partial<WorkQueue> = {}): WorkQueue {
  return { id: `queue-${pool}-${name}`, poolId: `pool-${pool}`, name, priority: 1, concurrencyLimit: null, paused: false, lastPolled: null, status: 'NOT_READY', ...overrides };
}

export function aWorker(pool: string, name: string, overrides: Partial<Worker> = {}): Worker {
  return { id: `worker-${pool}-${name}`, poolId: `pool-${pool}`, name, lastHeartbeat: '2026-05-03T12:00:00Z', status: 'ONLINE', ...overrides };
}

/** A problem document answer, as the server writes one. */
export function aProblem(status: number, detail: string, field?: string): Response {
  return new Response(JSON.stringify({ status, title: 'Problem', detail, ...(field ? { field } : {}) }), { status });
}

/** A fetch that answers by method and path from a table; anything else is a 404 problem document. */
export function mockFetch(routes: Record<string, (body: unknown) => unknown>): typeof fetch & { calls: { key: string; body: unknown; headers: Record<string, string> }[] } {
  const calls: { key: string; body: unknown; headers: Record<string, string> }[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ key, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const route = routes[key];
    if (!route) {
      return new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: `No route ${key}` }), { status: 404 });
    }
    const answer = route(body);
    if (answer instanceof Response) return answer;
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch & { calls: typeof calls };
  fn.calls = calls;
  return fn;
}
