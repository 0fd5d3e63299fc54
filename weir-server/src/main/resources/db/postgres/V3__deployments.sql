-- Deployments and their schedules, and the link of auto-scheduled runs. Keep in lockstep with db/sqlite/V3__deployments.sql.

CREATE TABLE deployments (
    id UUID PRIMARY KEY,
    flow_id UUID NOT NULL REFERENCES flows (id),
    name TEXT COLLATE "C" NOT NULL,
    entrypoint TEXT NOT NULL,
    work_pool_name TEXT,
    work_queue_name TEXT,
    parameters JSONB NOT NULL,
    parameter_schema JSONB NOT NULL,
    enforce_parameter_schema INTEGER NOT NULL,
    tags JSONB NOT NULL,
    description TEXT,
    version TEXT,
    concurrency_limit INTEGER,
    job_variables JSONB NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL,
    UNIQUE (flow_id, name)
);

CREATE INDEX ix_deployments_name ON deployments (name);

CREATE TABLE deployment_schedules (
    id UUID PRIMARY KEY,
    deployment_id UUID NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
    schedule JSONB NOT NULL,
    active INTEGER NOT NULL,
    parameters JSONB NOT NULL,
    slug TEXT,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL
);

CREATE INDEX ix_deployment_schedules_deployment ON deployment_schedules (deployment_id, created);

ALTER TABLE flow_runs ADD COLUMN auto_scheduled INTEGER NOT NULL DEFAULT 0;

ALTER TABLE flow_runs ADD COLUMN schedule_id UUID;

-- Two schedulers never insert one slot twice: the second insert is ignored.
CREATE UNIQUE INDEX ux_flow_runs_auto_scheduled ON flow_runs (deployment_id, schedule_id, expected_start_time)
    WHERE auto_scheduled = 1;
