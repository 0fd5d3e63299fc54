package dev.weir.server.store;

import dev.weir.state.StateType;

import dev.weir.run.FlowRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Flow runs with their state history. Thread-safe.
 *
 * <p><b>Lost updates.</b> Every row has a {@code version} that each write increases by one. The
 * orchestration layer reads a run, decides, and writes with {@link #writeState}, passing the
 * version it read; if another writer got there first the write fails with {@link
 * StateConflictException} and nothing is written. Inside {@link Database#inTransaction} the read can
 * instead be {@link #readForUpdate}, which holds the row until commit, so the conflict cannot occur.
 */
public interface FlowRunStore {

    /**
     * Creates a run (its flow too, if new) with its initial state as the first history row.
     * Idempotent: if a run with the same id, or with the same flow and idempotency key, or (for an
     * auto-scheduled run) with the same deployment, schedule and slot exists, it is returned unchanged and {@link CreatedFlowRun#inserted()} is false.
     */
    CreatedFlowRun create(NewFlowRun run);

    Optional<FlowRunRecord> read(UUID id);

    /**
     * Reads a run for a read-decide-write: inside {@link Database#inTransaction} the row stays locked
     * until the transaction ends (on SQLite the single writer already excludes other writers).
     */
    Optional<FlowRunRecord> readForUpdate(UUID id);

    List<FlowRunRecord> list(FlowRunFilter filter, FlowRunSort sort, Page page);

    long count(FlowRunFilter filter);

    /**
     * Runs in a SCHEDULED state named {@code stateName} (such as {@code Scheduled}) that were due
     * before {@code before}, earliest first, at most {@code limit}.
     */
    List<FlowRunRecord> listDue(String stateName, Instant before, int limit);

    /**
     * Writes the run's new state and bookkeeping (state, run count, start, end, total run time) and
     * appends the state to the history, if the stored run is still at {@code expectedVersion}.
     *
     * @return the run as written, at {@code expectedVersion + 1}
     * @throws StateConflictException if the run is at another version or no longer exists
     */
    FlowRunRecord writeState(UUID id, long expectedVersion, FlowRun newRun);

    /**
     * Records where the run executes, such as {@code host:pid} for a child process; false if there is
     * no such run.
     */
    boolean setInfrastructurePid(UUID id, String pid);

    /** Where the run executes, as its worker recorded it. */
    Optional<String> infrastructurePid(UUID id);

    /** Records that the run's process is alive at {@code at}; false if there is no such run. */
    boolean heartbeat(UUID id, Instant at);

    /**
     * Runs that something should be executing (PENDING, RUNNING, or PAUSED but not Suspended) and that
     * gave no sign of life since {@code before}: no heartbeat, no state written (the orchestrator counts
     * each as a beat, by its own clock). A run that never beat is judged by its state's time. Oldest first.
     */
    List<FlowRunRecord> listSilent(Instant before, int limit);

    /** Runs in a state of {@code type} entered before {@code before}, oldest first. */
    List<FlowRunRecord> listInStateSince(StateType type, Instant before, int limit);

    /** The unfinished subflow runs of the run: those whose placeholder task run belongs to it. */
    List<FlowRunRecord> unfinishedChildren(UUID id);

    /** The run's states, oldest first. */
    List<StateRecord> states(UUID id);

    /** Deletes the run with its task runs, their states, its states and its logs; false if it did not exist. */
    boolean delete(UUID id);
}
