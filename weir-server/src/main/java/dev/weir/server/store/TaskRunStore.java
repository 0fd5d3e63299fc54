package dev.weir.server.store;

import dev.weir.run.TaskRun;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Task runs, recorded in batches as the client decides them, with their state history. Thread-safe.
 */
public interface TaskRunStore {

    /**
     * Inserts each task run, or updates it if its id exists, in one transaction; a state that differs
     * from the stored one (by type, name and timestamp) is appended to the history. The whole batch
     * fails if one run cannot be written (for example, its flow run does not exist).
     */
    void upsert(List<TaskRun> taskRuns);

    Optional<TaskRun> read(UUID id);

    /** The task runs of a flow run in creation order. */
    List<TaskRun> listByFlowRun(UUID flowRunId);

    /** The task run's states, oldest first. */
    List<StateRecord> states(UUID id);
}
