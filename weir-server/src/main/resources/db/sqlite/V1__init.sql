-- Weir schema, SQLite. Keep in lockstep with db/postgres/V1__init.sql.
-- Instants are epoch microseconds (INTEGER); durations milliseconds; ids are UUID text; JSON is text.

CREATE TABLE flows (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created INTEGER NOT NULL
) STRICT;

CREATE TABLE flow_runs (
    id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL REFERENCES flows (id),
    name TEXT NOT NULL,
    flow_version TEXT,
    state_type TEXT NOT NULL,
    state_name TEXT NOT NULL,
    state_message TEXT NOT NULL,
    state_timestamp INTEGER NOT NULL,
    state_details TEXT NOT NULL,
    parameters TEXT NOT NULL,
    tags TEXT NOT NULL,
    parent_task_run_id TEXT,
    deployment_id TEXT,
    idempotency_key TEXT,
    run_count INTEGER NOT NULL,
    retries INTEGER NOT NULL,
    retry_delay_seconds REAL NOT NULL,
    expected_start_time INTEGER,
    start_time INTEGER,
    end_time INTEGER,
    total_run_time_ms INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX ux_flow_runs_idempotency ON flow_runs (flow_id, idempotency_key);
CREATE INDEX ix_flow_runs_state ON flow_runs (state_type, expected_start_time);
CREATE INDEX ix_flow_runs_flow ON flow_runs (flow_id, created);
CREATE INDEX ix_flow_runs_start_time ON flow_runs (start_time);
CREATE INDEX ix_flow_runs_end_time ON flow_runs (end_time);
CREATE INDEX ix_flow_runs_created ON flow_runs (created);
CREATE INDEX ix_flow_runs_parent ON flow_runs (parent_task_run_id);
CREATE INDEX ix_flow_runs_deployment ON flow_runs (deployment_id, created);

CREATE TABLE flow_run_states (
    id TEXT PRIMARY KEY,
    flow_run_id TEXT NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    message TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    details TEXT NOT NULL
) STRICT;

CREATE INDEX ix_flow_run_states_run ON flow_run_states (flow_run_id, timestamp);

CREATE TABLE task_runs (
    id TEXT PRIMARY KEY,
    flow_run_id TEXT REFERENCES flow_runs (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    task_key TEXT NOT NULL,
    dynamic_key INTEGER NOT NULL,
    tags TEXT NOT NULL,
    inputs TEXT NOT NULL,
    state_type TEXT NOT NULL,
    state_name TEXT NOT NULL,
    state_message TEXT NOT NULL,
    state_timestamp INTEGER NOT NULL,
    state_details TEXT NOT NULL,
    run_count INTEGER NOT NULL,
    start_time INTEGER,
    end_time INTEGER,
    total_run_time_ms INTEGER NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_task_runs_flow_run ON task_runs (flow_run_id, created);
CREATE INDEX ix_task_runs_end_time ON task_runs (end_time);

CREATE TABLE task_run_states (
    id TEXT PRIMARY KEY,
    task_run_id TEXT NOT NULL REFERENCES task_runs (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    message TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    details TEXT NOT NULL
) STRICT;

CREATE INDEX ix_task_run_states_run ON task_run_states (task_run_id, timestamp);

-- No foreign keys: a line may arrive before its run is recorded, and one bad line must not fail a batch.
-- Deleting a run deletes its lines explicitly.
CREATE TABLE logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    flow_run_id TEXT,
    task_run_id TEXT,
    level INTEGER NOT NULL,
    logger TEXT NOT NULL,
    message TEXT NOT NULL,
    timestamp INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_logs_flow_run ON logs (flow_run_id, timestamp, id);
CREATE INDEX ix_logs_task_run ON logs (task_run_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    occurred INTEGER NOT NULL,
    event TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    resource TEXT NOT NULL,
    related TEXT NOT NULL,
    payload TEXT NOT NULL
) STRICT;

CREATE INDEX ix_events_occurred ON events (occurred, id);
CREATE INDEX ix_events_resource ON events (resource_id, occurred);
