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
