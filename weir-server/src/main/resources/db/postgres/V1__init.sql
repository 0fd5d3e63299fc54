-- Weir schema, PostgreSQL. Keep in lockstep with db/sqlite/V1__init.sql.
-- Instants are epoch microseconds (BIGINT); durations milliseconds; ids are UUID; JSON is JSONB.
-- Names use the C collation so that they sort by code point, as SQLite's BINARY does.

CREATE TABLE flows (
    id UUID PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    created BIGINT NOT NULL
);

CREATE TABLE flow_runs (
    id UUID PRIMARY KEY,
    flow_id UUID NOT NULL REFERENCES flows (id),
    name TEXT COLLATE "C" NOT NULL,
    flow_version TEXT,
    state_type TEXT NOT NULL,
    state_name TEXT NOT NULL,
    state_message TEXT NOT NULL,
    state_timestamp BIGINT NOT NULL,
    state_details JSONB NOT NULL,
    parameters JSONB NOT NULL,
    tags JSONB NOT NULL,
    parent_task_run_id UUID,
    deployment_id UUID,
    idempotency_key TEXT,
    run_count INTEGER NOT NULL,
    retries INTEGER NOT NULL,
    retry_delay_seconds DOUBLE PRECISION NOT NULL,
    expected_start_time BIGINT,
    start_time BIGINT,
    end_time BIGINT,
    total_run_time_ms BIGINT NOT NULL,
    version BIGINT NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL
);

CREATE UNIQUE INDEX ux_flow_runs_idempotency ON flow_runs (flow_id, idempotency_key);
CREATE INDEX ix_flow_runs_state ON flow_runs (state_type, expected_start_time);
CREATE INDEX ix_flow_runs_flow ON flow_runs (flow_id, created);
CREATE INDEX ix_flow_runs_start_time ON flow_runs (start_time);
CREATE INDEX ix_flow_runs_end_time ON flow_runs (end_time);
CREATE INDEX ix_flow_runs_created ON flow_runs (created);
CREATE INDEX ix_flow_runs_parent ON flow_runs (parent_task_run_id);
CREATE INDEX ix_flow_runs_deployment ON flow_runs (deployment_id, created);

CREATE TABLE flow_run_states (
    id UUID PRIMARY KEY,
    flow_run_id UUID NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    message TEXT NOT NULL,
    timestamp BIGINT NOT NULL,
    details JSONB NOT NULL
);

CREATE INDEX ix_flow_run_states_run ON flow_run_states (flow_run_id, timestamp);

CREATE TABLE task_runs (
    id UUID PRIMARY KEY,
    flow_run_id UUID REFERENCES flow_runs (id) ON DELETE CASCADE,
    name TEXT COLLATE "C" NOT NULL,
    task_key TEXT NOT NULL,
    dynamic_key INTEGER NOT NULL,
    tags JSONB NOT NULL,
    inputs JSONB NOT NULL,
    state_type TEXT NOT NULL,
    state_name TEXT NOT NULL,
    state_message TEXT NOT NULL,
    state_timestamp BIGINT NOT NULL,
    state_details JSONB NOT NULL,
    run_count INTEGER NOT NULL,
    start_time BIGINT,
    end_time BIGINT,
    total_run_time_ms BIGINT NOT NULL,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL
);

CREATE INDEX ix_task_runs_flow_run ON task_runs (flow_run_id, created);
CREATE INDEX ix_task_runs_end_time ON task_runs (end_time);

CREATE TABLE task_run_states (
    id UUID PRIMARY KEY,
    task_run_id UUID NOT NULL REFERENCES task_runs (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    message TEXT NOT NULL,
    timestamp BIGINT NOT NULL,
    details JSONB NOT NULL
);

CREATE INDEX ix_task_run_states_run ON task_run_states (task_run_id, timestamp);

-- No foreign keys: a line may arrive before its run is recorded, and one bad line must not fail a batch.
-- Deleting a run deletes its lines explicitly.
CREATE TABLE logs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flow_run_id UUID,
    task_run_id UUID,
    level INTEGER NOT NULL,
    logger TEXT NOT NULL,
    message TEXT NOT NULL,
    timestamp BIGINT NOT NULL
);

CREATE INDEX ix_logs_flow_run ON logs (flow_run_id, timestamp, id);
CREATE INDEX ix_logs_task_run ON logs (task_run_id);

CREATE TABLE events (
    id UUID PRIMARY KEY,
    occurred BIGINT NOT NULL,
    event TEXT COLLATE "C" NOT NULL,
    resource_id TEXT NOT NULL,
    resource JSONB NOT NULL,
    related JSONB NOT NULL,
    payload JSONB NOT NULL
);

CREATE INDEX ix_events_occurred ON events (occurred, id);
CREATE INDEX ix_events_resource ON events (resource_id, occurred);
