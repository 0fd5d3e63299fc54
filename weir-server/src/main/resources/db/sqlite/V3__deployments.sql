-- Deployments and their schedules, and the link of auto-scheduled runs. Keep in lockstep with db/postgres/V3__deployments.sql.

CREATE TABLE deployments (
    id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL REFERENCES flows (id),
    name TEXT NOT NULL,
    entrypoint TEXT NOT NULL,
    work_pool_name TEXT,
    work_queue_name TEXT,
    parameters TEXT NOT NULL,
    parameter_schema TEXT NOT NULL,
    enforce_parameter_schema INTEGER NOT NULL,
    tags TEXT NOT NULL,
    description TEXT,
    version TEXT,
    concurrency_limit INTEGER,
    job_variables TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    UNIQUE (flow_id, name)
) STRICT;

CREATE INDEX ix_deployments_name ON deployments (name);

CREATE TABLE deployment_schedules (
    id TEXT PRIMARY KEY,
    deployment_id TEXT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
    schedule TEXT NOT NULL,
    active INTEGER NOT NULL,
    parameters TEXT NOT NULL,
    slug TEXT,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_deployment_schedules_deployment ON deployment_schedules (deployment_id, created);

ALTER TABLE flow_runs ADD COLUMN auto_scheduled INTEGER NOT NULL DEFAULT 0;

ALTER TABLE flow_runs ADD COLUMN schedule_id TEXT;

-- Two schedulers never insert one slot twice: the second insert is ignored.
CREATE UNIQUE INDEX ux_flow_runs_auto_scheduled ON flow_runs (deployment_id, schedule_id, expected_start_time)
    WHERE auto_scheduled = 1;
