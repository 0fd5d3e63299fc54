-- Work pools, their queues and their workers, and the claim of a run by a queue. Keep in lockstep with db/postgres/V4__work_pools.sql.

CREATE TABLE work_pools (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    description TEXT,
    base_job_template TEXT NOT NULL,
    concurrency_limit INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL
) STRICT;

CREATE TABLE work_queues (
    id TEXT PRIMARY KEY,
    pool_id TEXT NOT NULL REFERENCES work_pools (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    priority INTEGER NOT NULL,
    concurrency_limit INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    last_polled INTEGER,
    created INTEGER NOT NULL,
    UNIQUE (pool_id, name),
    UNIQUE (pool_id, priority)
) STRICT;

CREATE TABLE workers (
    id TEXT PRIMARY KEY,
    pool_id TEXT NOT NULL REFERENCES work_pools (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    last_heartbeat INTEGER NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (pool_id, name)
) STRICT;

CREATE INDEX ix_workers_heartbeat ON workers (status, last_heartbeat);

ALTER TABLE flow_runs ADD COLUMN work_queue_id TEXT;

ALTER TABLE flow_runs ADD COLUMN infrastructure_pid TEXT;

CREATE INDEX ix_flow_runs_work_queue ON flow_runs (work_queue_id, state_type);
