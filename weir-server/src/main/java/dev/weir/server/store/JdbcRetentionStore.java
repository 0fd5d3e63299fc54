package dev.weir.server.store;

import dev.weir.state.StateType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * {@link RetentionStore} over JDBC: each call picks one batch of ids by index (end time, occurrence)
 * and deletes them in one short transaction.
 */
final class JdbcRetentionStore implements RetentionStore {

    private static final List<String> FINAL_TYPES = Arrays.stream(StateType.values())
            .filter(StateType::isFinal)
            .map(StateType::name)
            .toList();
    private static final String FINAL_IN = "(" + String.join(", ", Collections.nCopies(FINAL_TYPES.size(), "?")) + ")";

    private final SqlExecutor executor;
    private final Jdbc jdbc;

    JdbcRetentionStore(SqlExecutor executor, Sql sql) {
        this.executor = executor;
        this.jdbc = new Jdbc(sql);
    }

    @Override
    public RetentionResult deleteFinishedRunsBefore(Instant cutoff, int batchSize) {
        positive(batchSize);
        return executor.write(connection -> {
            List<Object> params = new ArrayList<>();
            params.add(cutoff);
            params.addAll(FINAL_TYPES);
            params.add(batchSize);
            List<UUID> flowRuns = jdbc.list(connection,
                    "SELECT id FROM flow_runs WHERE end_time < ? AND state_type IN " + FINAL_IN + " ORDER BY end_time LIMIT ?",
                    params, rs -> jdbc.sql().uuid(rs, "id"));
            if (!flowRuns.isEmpty()) {
                String in = "IN (" + String.join(", ", Collections.nCopies(flowRuns.size(), "?")) + ")";
                JdbcFlowRunStore.deleteLogs(connection, jdbc, in, flowRuns);
                jdbc.update(connection, "DELETE FROM flow_runs WHERE id " + in, flowRuns);
            }
            List<UUID> taskRuns = jdbc.list(connection,
                    "SELECT id FROM task_runs WHERE flow_run_id IS NULL AND end_time < ? AND state_type IN " + FINAL_IN
                            + " ORDER BY end_time LIMIT ?",
                    params, rs -> jdbc.sql().uuid(rs, "id"));
            if (!taskRuns.isEmpty()) {
                String in = "IN (" + String.join(", ", Collections.nCopies(taskRuns.size(), "?")) + ")";
                jdbc.update(connection, "DELETE FROM logs WHERE task_run_id " + in, taskRuns);
                jdbc.update(connection, "DELETE FROM task_runs WHERE id " + in, taskRuns);
            }
            return new RetentionResult(flowRuns.size(), taskRuns.size(), 0);
        });
    }

    @Override
    public int deleteEventsBefore(Instant cutoff, int batchSize) {
        positive(batchSize);
        return executor.write(connection -> jdbc.update(connection,
                "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE occurred < ? ORDER BY occurred LIMIT ?)",
                List.of(cutoff, batchSize)));
    }

    private static void positive(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be 1 or more, got " + batchSize);
        }
    }
}
