/** The wire types of the Weir REST API, as the server writes them (record component names, ISO instants). */

export const STATE_TYPES = [
  'SCHEDULED',
  'PENDING',
  'RUNNING',
  'PAUSED',
  'CANCELLING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'CRASHED',
] as const;

export type StateType = (typeof STATE_TYPES)[number];

export interface StateDetails {
  flowRunId?: string;
  taskRunId?: string;
  childFlowRunId?: string;
  scheduledTime?: string;
  cacheKey?: string;
  cacheExpiration?: string;
  retriable?: boolean;
  transitionId?: string;
  resultKey?: string;
  /** A PAUSED state's pause (weir-core's PauseDetails). */
  pause?: PauseDetails | null;
  /** The same, flat (the shape first agreed for the API); read when `pause` is absent. */
  pauseTimeout?: string;
  runInputSchema?: JsonSchema;
}

/** What a paused run waits for: until when, and the JSON Schema of the runInput a resume must send. */
export interface PauseDetails {
  /** The run ends Failed when nobody resumed it by then. */
  timeout?: string | null;
  /** Names the pause within its run. */
  key?: string;
  /** Null when the pause takes no input. */
  inputSchema?: JsonSchema | null;
}

export interface State {
  type: StateType;
  name: string;
  message: string;
  timestamp: string;
  details?: StateDetails;
}

export interface FlowRun {
  id: string;
  name: string;
  flowName: string;
  flowVersion?: string;
  flowId?: string;
  parameters: Record<string, unknown>;
  tags: string[];
  parentTaskRunId?: string;
  state: State;
  runCount: number;
  createdAt: string;
  startTime?: string;
  endTime?: string;
  expectedStartTime?: string;
  totalRunTime?: string;
  updated?: string;
  deploymentId?: string;
  idempotencyKey?: string;
}

export interface TaskInput {
  kind: 'RESULT' | 'WAIT_FOR';
  taskRunId: string;
}

export interface TaskRun {
  id: string;
  name: string;
  taskKey: string;
  flowRunId?: string;
  dynamicKey: number;
  tags: string[];
  inputs: Record<string, TaskInput[]>;
  state: State;
  runCount: number;
  createdAt: string;
  startTime?: string;
  endTime?: string;
  totalRunTime?: string;
}

export interface LogLine {
  id: number;
  flowRunId?: string;
  taskRunId?: string;
  level: string;
  logger?: string;
  message: string;
  timestamp: string;
}

export interface Flow {
  id: string;
  name: string;
  created: string;
}

export interface WeirEvent {
  id: string;
  occurred: string;
  event: string;
  resourceId: string;
  resource: Record<string, string>;
  related: Record<string, string>[];
  payload: Record<string, unknown>;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  field?: string;
}

/** The body of POST /api/flow_runs/filter and /count; every field optional. */
export interface FlowRunQuery {
  states?: StateType[];
  flowNames?: string[];
  startAfter?: string;
  startBefore?: string;
  parentTaskRunId?: string;
  /** Runs of this deployment only. */
  deploymentId?: string;
  /** Runs carrying every one of these tags. */
  tags?: string[];
  sort?: FlowRunSort;
  limit?: number;
  offset?: number;
}

export const FLOW_RUN_SORTS = [
  'CREATED_DESC',
  'CREATED_ASC',
  'START_TIME_DESC',
  'START_TIME_ASC',
  'END_TIME_DESC',
  'END_TIME_ASC',
  'EXPECTED_START_TIME_ASC',
  'NAME_ASC',
  'NAME_DESC',
] as const;

export type FlowRunSort = (typeof FLOW_RUN_SORTS)[number];

/** A deployment's schedule, as the Schedule JSON of weir-core (intervals in seconds). */
export type Schedule =
  | { type: 'cron'; cron: string; timezone?: string }
  | { type: 'interval'; interval: number; anchorDate?: string; timezone?: string }
  | { type: 'rrule'; rrule: string; timezone?: string };

export interface DeploymentSchedule {
  id: string;
  deploymentId: string;
  schedule: Schedule;
  active: boolean;
  parameters: Record<string, unknown>;
  slug?: string;
  created: string;
  updated: string;
}

/** A JSON Schema node, as dev.weir.schema.ParameterSchema writes it (only the keywords the UI reads). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $defs?: Record<string, JsonSchema>;
  $ref?: string;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  position?: number;
}

export interface Deployment {
  id: string;
  flowId: string;
  flowName: string;
  name: string;
  entrypoint: string;
  workPoolName?: string;
  workQueueName?: string;
  parameters: Record<string, unknown>;
  parameterSchema: JsonSchema;
  enforceParameterSchema: boolean;
  tags: string[];
  description?: string;
  version?: string;
  concurrencyLimit?: number;
  jobVariables: Record<string, unknown>;
  paused: boolean;
  created: string;
  updated: string;
  schedules: DeploymentSchedule[];
}

/** The body of POST /api/deployments/{id}/create_flow_run; every field optional. */
export interface DeploymentRunCreate {
  parameters?: Record<string, unknown>;
  name?: string;
  tags?: string[];
  scheduledTime?: string;
  idempotencyKey?: string;
}

/** What the API's orchestration rules answered to a proposed transition (cancel, retry, resume). */
export interface OrchestrationAnswer {
  status: 'ACCEPT' | 'REJECT' | 'WAIT' | 'ABORT';
  state: State;
  reason?: string | null;
  /** For WAIT: how long to wait before trying again. */
  delaySeconds?: number | null;
}

/** A work pool as GET /api/work_pools writes it (WorkPoolRecord with its status). */
export interface WorkPool {
  id: string;
  name: string;
  type: string;
  description?: string;
  baseJobTemplate?: Record<string, unknown>;
  concurrencyLimit?: number | null;
  paused: boolean;
  created: string;
  updated: string;
  /** PAUSED, READY while one of its workers is ONLINE, else NOT_READY. */
  status?: 'PAUSED' | 'READY' | 'NOT_READY';
}

/** A queue of a pool (WorkQueueRecord with its status). */
export interface WorkQueue {
  id: string;
  poolId: string;
  name: string;
  /** Unique in the pool; 1 is the highest. */
  priority: number;
  concurrencyLimit?: number | null;
  paused: boolean;
  lastPolled?: string | null;
  /** PAUSED, READY if polled in the last 60 s, else NOT_READY. */
  status?: 'PAUSED' | 'READY' | 'NOT_READY';
}

/** A worker of a pool as last heard from (WorkerRecord). */
export interface Worker {
  id: string;
  poolId: string;
  name: string;
  lastHeartbeat: string;
  status: 'ONLINE' | 'OFFLINE';
}
