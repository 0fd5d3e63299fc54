-- Work pools, their queues and their workers, and the claim of a run by a queue. Keep in lockstep with db/sqlite/V4__work_pools.sql.

CREATE TABLE work_pools (
    id UUID PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL UNIQUE,
    type TEXT NOT NULL,
    description TEXT,
    base_job_template JSONB NOT NULL,
    concurrency_limit INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    created BIGINT NOT NULL,
    updated BIGINT NOT NULL
);

CREATE TABLE work_queues (
    id UUID PRIMARY KEY,
    pool_id UUID NOT NULL REFERENCES work_pools (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    priority INTEGER NOT NULL,
    concurrency_limit INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    last_polled BIGINT,
    created BIGINT NOT NULL,
    UNIQUE (pool_id, name),
    UNIQUE (pool_id, priority)
);

CREATE TABLE workers (
    id UUID PRIMARY KEY,
    pool_id UUID NOT NULL REFERENCES work_pools (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    last_heartbeat BIGINT NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (pool_id, name)
);

CREATE INDEX ix_workers_heartbeat ON workers (status, last_heartbeat);

ALTER TABLE flow_runs ADD COLUMN work_queue_id UUID;

ALTER TABLE flow_runs ADD COLUMN infrastructure_pid TEXT;

CREATE INDEX ix_flow_runs_work_queue ON flow_runs (work_queue_id, state_type);
