/**
 * The REST client: JSON over fetch under /api, the API key (when one was entered) sent as a Bearer
 * token. Three kinds of failure are told apart, because the UI answers each differently: the server
 * cannot be reached ({@link ApiDownError}: a banner, and retries), it wants a key ({@link
 * UnauthorizedError}: back to the key prompt), or it answered with a problem document ({@link ApiError}).
 */
import type {
  Deployment,
  DeploymentRunCreate,
  Flow,
  FlowRun,
  FlowRunQuery,
  LogLine,
  OrchestrationAnswer,
  Problem,
  State,
  TaskRun,
  WeirEvent,
  WorkPool,
  WorkQueue,
  Worker,
} from './types';

const KEY_STORAGE = 'weir.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

export class UnauthorizedError extends ApiError {}

export class ApiDownError extends Error {
  constructor(cause: unknown) {
    super(`The Weir server does not answer (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function setApiKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
}

type Listener = () => void;

/** Whether the last request reached the server, for the banner; and who to tell when a key is wanted. */
export const connection = {
  down: false,
  needsKey: false,
  listeners: new Set<Listener>(),
  subscribe(listener: Listener): () => void {
    connection.listeners.add(listener);
    return () => connection.listeners.delete(listener);
  },
  update(change: { down?: boolean; needsKey?: boolean }): void {
    const before = `${connection.down}${connection.needsKey}`;
    Object.assign(connection, change);
    if (before !== `${connection.down}${connection.needsKey}`) connection.listeners.forEach((l) => l());
  },
};

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const key = apiKey();
  return { Accept: 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}), ...extra };
}

export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    connection.update({ down: true });
    throw new ApiDownError(e);
  }
  if (response.status === 502 || response.status === 504) {
    connection.update({ down: true });
    throw new ApiDownError(new Error(`HTTP ${response.status} from a proxy`));
  }
  connection.update({ down: false });
  const text = await response.text();
  if (!response.ok) {
    let problem: Problem = { status: response.status, detail: text.slice(0, 500) };
    try {
      problem = { ...JSON.parse(text), status: response.status };
    } catch {
      // Not a problem document (a proxy's page, say): keep the start of the text as the detail.
    }
    if (response.status === 401) {
      connection.update({ needsKey: true });
      throw new UnauthorizedError(401, problem);
    }
    throw new ApiError(response.status, problem);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

const post = <T>(path: string, body: unknown, signal?: AbortSignal) => request<T>('POST', path, body, signal);
const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);

/** Drops empty fields so that the server applies its defaults. */
function compact<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}

export const api = {
  flowRuns: (query: FlowRunQuery, signal?: AbortSignal) => post<FlowRun[]>('/flow_runs/filter', compact(query), signal),
  countFlowRuns: (query: FlowRunQuery, signal?: AbortSignal) =>
    post<{ count: number }>('/flow_runs/count', compact(query), signal).then((r) => r.count),
  flowRun: (id: string, signal?: AbortSignal) => get<FlowRun>(`/flow_runs/${encodeURIComponent(id)}`, signal),
  flowRunStates: (id: string, signal?: AbortSignal) => get<State[]>(`/flow_runs/${encodeURIComponent(id)}/states`, signal),
  taskRuns: (id: string, signal?: AbortSignal) => get<TaskRun[]>(`/flow_runs/${encodeURIComponent(id)}/task_runs`, signal),
  taskRun: (id: string, signal?: AbortSignal) => get<TaskRun>(`/task_runs/${encodeURIComponent(id)}`, signal),
  logs: (query: { flowRunId?: string; taskRunId?: string; minLevel?: string; after?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    post<LogLine[]>('/logs/filter', compact(query), signal),
  flows: (signal?: AbortSignal) => get<Flow[]>('/flows?limit=1000', signal),
  events: (query: { namePrefix?: string; resourceId?: string; since?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    post<WeirEvent[]>('/events/filter', compact(query), signal),
  countEvents: (query: { namePrefix?: string; since?: string }, signal?: AbortSignal) =>
    post<{ count: number }>('/events/count', compact(query), signal).then((r) => r.count),
  deployments: (query: { flowNames?: string[]; paused?: boolean; tags?: string[]; limit?: number; offset?: number }, signal?: AbortSignal) =>
    post<Deployment[]>('/deployments/filter', compact(query), signal),
  countDeployments: (signal?: AbortSignal) => post<{ count: number }>('/deployments/count', {}, signal).then((r) => r.count),
  deployment: (id: string, signal?: AbortSignal) => get<Deployment>(`/deployments/${encodeURIComponent(id)}`, signal),
  pauseDeployment: (id: string) => post<Deployment>(`/deployments/${encodeURIComponent(id)}/pause`, undefined),
  resumeDeployment: (id: string) => post<Deployment>(`/deployments/${encodeURIComponent(id)}/resume`, undefined),
  createDeploymentRun: (id: string, body: DeploymentRunCreate) =>
    post<FlowRun>(`/deployments/${encodeURIComponent(id)}/create_flow_run`, body),
  cancelFlowRun: (id: string) => post<OrchestrationAnswer>(`/flow_runs/${encodeURIComponent(id)}/cancel`, undefined),
  retryFlowRun: (id: string) => post<OrchestrationAnswer>(`/flow_runs/${encodeURIComponent(id)}/retry`, undefined),
  resumeFlowRun: (id: string, runInput?: Record<string, unknown>) =>
    post<OrchestrationAnswer>(`/flow_runs/${encodeURIComponent(id)}/resume`, runInput === undefined ? {} : { runInput }),
  workPools: (signal?: AbortSignal) => get<WorkPool[]>('/work_pools', signal),
  workPool: (name: string, signal?: AbortSignal) => get<WorkPool>(`/work_pools/${encodeURIComponent(name)}`, signal),
  workQueues: (pool: string, signal?: AbortSignal) => get<WorkQueue[]>(`/work_pools/${encodeURIComponent(pool)}/queues`, signal),
  workers: (pool: string, signal?: AbortSignal) => get<Worker[]>(`/work_pools/${encodeURIComponent(pool)}/workers`, signal),
  pauseWorkPool: (name: string) => post<WorkPool>(`/work_pools/${encodeURIComponent(name)}/pause`, undefined),
  resumeWorkPool: (name: string) => post<WorkPool>(`/work_pools/${encodeURIComponent(name)}/resume`, undefined),
  health: (signal?: AbortSignal) => get<{ status: string }>('/health', signal),
  version: (signal?: AbortSignal) => get<{ version: string; database: string }>('/version', signal),
};
