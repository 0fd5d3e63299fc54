package dev.weir.server.store;

import dev.weir.core.Ids;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link ConcurrencyLeaseStore} over JDBC. */
final class JdbcConcurrencyLeaseStore implements ConcurrencyLeaseStore {

    private final SqlExecutor executor;
    private final Jdbc jdbc;

    JdbcConcurrencyLeaseStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public long active(UUID deploymentId, Instant now) {
        return executor.read(connection -> jdbc.count(connection,
                "SELECT COUNT(*) FROM concurrency_leases WHERE deployment_id = ? AND expires > ?", List.of(deploymentId, now)));
    }

    @Override
    public void acquire(UUID deploymentId, UUID flowRunId, Instant expires, Instant now) {
        executor.write(connection -> jdbc.update(connection,
                "INSERT INTO concurrency_leases (id, deployment_id, flow_run_id, expires, created) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (flow_run_id) DO UPDATE SET expires = excluded.expires",
                List.of(Ids.newId(), deploymentId, flowRunId, expires, now)));
    }

    @Override
    public boolean renew(UUID flowRunId, Instant expires) {
        return executor.write(connection -> jdbc.update(connection,
                "UPDATE concurrency_leases SET expires = ? WHERE flow_run_id = ?", List.of(expires, flowRunId)) > 0);
    }

    @Override
    public void release(UUID flowRunId) {
        executor.write(connection -> jdbc.update(connection, "DELETE FROM concurrency_leases WHERE flow_run_id = ?",
                List.of(flowRunId)));
    }

    @Override
    public int deleteExpired(Instant now) {
        return executor.write(connection -> jdbc.update(connection, "DELETE FROM concurrency_leases WHERE expires <= ?",
                List.of(now)));
    }
}
