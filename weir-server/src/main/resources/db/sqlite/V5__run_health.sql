-- Run heartbeats, crash retries, deployment concurrency leases and run inputs. Keep in lockstep with db/postgres/V5__run_health.sql.

ALTER TABLE flow_runs ADD COLUMN retry_crashes INTEGER NOT NULL DEFAULT 0;

ALTER TABLE flow_runs ADD COLUMN heartbeat INTEGER;

CREATE INDEX ix_flow_runs_state_heartbeat ON flow_runs (state_type, heartbeat);

ALTER TABLE deployments ADD COLUMN retries INTEGER;

ALTER TABLE deployments ADD COLUMN retry_delay_seconds REAL;

ALTER TABLE deployments ADD COLUMN collision_strategy TEXT NOT NULL DEFAULT 'ENQUEUE';

-- A slot of a deployment's concurrency limit, held by one run until it ends or the lease expires.
CREATE TABLE concurrency_leases (
    id TEXT PRIMARY KEY,
    deployment_id TEXT NOT NULL,
    flow_run_id TEXT NOT NULL UNIQUE,
    expires INTEGER NOT NULL,
    created INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_concurrency_leases_deployment ON concurrency_leases (deployment_id, expires);

CREATE TABLE flow_run_inputs (
    flow_run_id TEXT NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    created INTEGER NOT NULL,
    PRIMARY KEY (flow_run_id, key)
) STRICT;
