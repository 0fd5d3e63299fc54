package dev.weir.server.orchestration;

import dev.weir.orchestration.FlowRunPolicy;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.server.store.CreatedFlowRun;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.NewFlowRun;
import dev.weir.server.store.Stores;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * The server's writes of runs: creates flow runs, decides proposed flow-run states with the
 * orchestration policy, records task-run batches and logs. Each state change and its event commit in
 * one transaction (the outbox), so no change is recorded without its event or the other way round.
 *
 * <p>Thread-safe; a decision reads, judges and writes the run in one transaction, so two concurrent
 * proposals for one run are judged one after the other.
 */
public final class FlowRunOrchestrator {

    private final Database database;
    private final InstantSource clock;
    private final Runnable changed;
    private final Claims claims;

    /** @param changed called after each write, to wake live streams */
    public FlowRunOrchestrator(Database database, InstantSource clock, Runnable changed) {
        this.database = database;
        this.clock = clock;
        this.changed = changed;
        this.claims = new Claims(database, clock, changed);
    }

    /** Creates the run, or returns the one that has its id or idempotency key already. */
    public CreatedFlowRun create(FlowRunCreate create, String idempotencyKey) {
        NewFlowRun run = NewFlowRun.of(create, clock.instant());
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            run = run.withIdempotencyKey(idempotencyKey);
        }
        NewFlowRun request = run;
        CreatedFlowRun result = database.inTransaction(tx -> {
            CreatedFlowRun created = tx.flowRuns().create(request);
            if (created.inserted()) {
                tx.events().insert(StateEvents.flowRun(created.run().run(), null, clock.instant()));
            }
            return created;
        });
        changed.run();
        return result;
    }

    /**
     * Creates the runs in one transaction, each with its state event; a run whose id, idempotency key
     * or schedule slot exists already is left as it is. Returns how many were inserted.
     */
    public int createAll(List<NewFlowRun> runs) {
        if (runs.isEmpty()) {
            return 0;
        }
        int inserted = database.inTransaction(tx -> {
            int count = 0;
            for (NewFlowRun run : runs) {
                CreatedFlowRun created = tx.flowRuns().create(run);
                if (created.inserted()) {
                    tx.events().insert(StateEvents.flowRun(created.run().run(), null, clock.instant()));
                    count++;
                }
            }
            return count;
        });
        changed.run();
        return inserted;
    }

    /** Creates one run as the server prepared it (deployment, key), or returns the existing one. */
    public CreatedFlowRun create(NewFlowRun run) {
        CreatedFlowRun result = database.inTransaction(tx -> {
            CreatedFlowRun created = tx.flowRuns().create(run);
            if (created.inserted()) {
                tx.events().insert(StateEvents.flowRun(created.run().run(), null, clock.instant()));
            }
            return created;
        });
        changed.run();
        return result;
    }

    /**
     * Judges {@code proposed} for the run and records the outcome.
     *
     * @param force apply only the bookkeeping, not the rules (operators correcting a run)
     * @throws NoSuchElementException if there is no such run
     */
    public StateDecision setState(UUID flowRunId, State proposed, boolean force) {
        StateDecision decision = database.inTransaction(tx -> {
            FlowRunRecord record = tx.flowRuns().readForUpdate(flowRunId)
                    .orElseThrow(() -> new NoSuchElementException("No flow run with id " + flowRunId));
            FlowRunPolicy policy = force ? FlowRunPolicy.forced() : FlowRunPolicy.standard();
            FlowRunPolicy.Outcome outcome = policy.apply(record.run(), proposed, clock.instant());
            if (outcome.written()) {
                FlowRunRecord written = tx.flowRuns().writeState(flowRunId, record.version(), outcome.run());
                tx.events().insert(StateEvents.flowRun(outcome.run(), record.run().state(), clock.instant()));
                afterWrite(tx, written, clock.instant());
            }
            return outcome.decision();
        });
        changed.run();
        return decision;
    }

    /**
     * What a written state sets off: a run that executes counts the write as a sign of life (by this
     * server's clock, whatever the client's says), one no longer executing gives its slot back, a
     * cancelled one cascades.
     */
    static void afterWrite(Stores tx, FlowRunRecord written, Instant now) {
        StateType type = written.run().state().type();
        boolean executing = type == StateType.PENDING || type == StateType.RUNNING || type == StateType.PAUSED
                || type == StateType.CANCELLING;
        if (executing) {
            tx.flowRuns().heartbeat(written.id(), now);
        } else {
            tx.concurrencyLeases().release(written.id());
        }
        if (type == StateType.CANCELLED) {
            Cancellations.cascade(tx, written, now);
        }
    }

    /**
     * Asks the run to stop: a run that nothing executes yet (Scheduled, Suspended) ends Cancelled at
     * once; one that runs goes Cancelling, and its worker (or its own process) stops it and ends it
     * Cancelled.
     *
     * @throws NoSuchElementException if there is no such run
     */
    public StateDecision cancel(UUID flowRunId, String message) {
        return setState(flowRunId, State.of(StateType.CANCELLING, State.CANCELLING, message, clock.instant()), false);
    }

    /**
     * Runs a finished deployment run again: back to its queue as AwaitingRetry, due now.
     *
     * @throws NoSuchElementException if there is no such run
     */
    public StateDecision retry(UUID flowRunId) {
        Instant now = clock.instant();
        return setState(flowRunId, new State(StateType.SCHEDULED, State.AWAITING_RETRY, "Retried on request", now,
                StateDetails.NONE.withScheduledTime(now)), false);
    }

    /**
     * Records that the run's process is alive, renewing its concurrency slot's lease; returns the run as
     * stored, so the process learns whether it is being cancelled.
     *
     * @throws NoSuchElementException if there is no such run
     */
    public FlowRunRecord heartbeat(UUID flowRunId) {
        Instant now = clock.instant();
        return database.inTransaction(tx -> {
            if (!tx.flowRuns().heartbeat(flowRunId, now)) {
                throw new NoSuchElementException("No flow run with id " + flowRunId);
            }
            tx.concurrencyLeases().renew(flowRunId, now.plus(DeploymentSlots.LEASE));
            return tx.flowRuns().read(flowRunId).orElseThrow();
        });
    }

    /**
     * Resumes a paused run, with the input it waits for stored under its pause key before the run
     * goes on (RUNNING, in the process that paused it).
     *
     * @param input the resume's input as JSON-ready values, or null for none
     * @throws NoSuchElementException if there is no such run
     */
    public StateDecision resume(UUID flowRunId, Object input) {
        Instant now = clock.instant();
        StateDecision decision = database.inTransaction(tx -> {
            FlowRunRecord record = tx.flowRuns().readForUpdate(flowRunId)
                    .orElseThrow(() -> new NoSuchElementException("No flow run with id " + flowRunId));
            State current = record.run().state();
            if (input != null && current.type() == StateType.PAUSED && current.details().pause() != null) {
                tx.flowRunInputs().put(flowRunId, current.details().pause().key(), input, now);
            }
            boolean suspended = State.SUSPENDED.equals(current.name());
            State proposed = suspended
                    ? new State(StateType.SCHEDULED, State.RESUMING, "Resumed", now, StateDetails.NONE.withScheduledTime(now))
                    : State.of(StateType.RUNNING, State.RUNNING, "Resumed", now);
            FlowRunPolicy.Outcome outcome = FlowRunPolicy.standard().apply(record.run(), proposed, now);
            if (outcome.written()) {
                FlowRunRecord written = tx.flowRuns().writeState(flowRunId, record.version(), outcome.run());
                tx.events().insert(StateEvents.flowRun(outcome.run(), current, now));
                afterWrite(tx, written, now);
            }
            return outcome.decision();
        });
        changed.run();
        return decision;
    }

    /**
     * Claims due runs for a worker of the pool: SCHEDULED runs of the pool's deployments due by {@code
     * before}, from its unpaused queues (only {@code queueNames}, when not empty) highest priority
     * first, each moved to PENDING by the policy, within the pool's and each queue's concurrency limit
     * (PENDING, RUNNING and CANCELLING runs count). A paused pool hands out nothing.
     *
     * <p>Safe against concurrent claimers: on SQLite the claim is one request on the single writer; on
     * PostgreSQL candidates are locked {@code FOR UPDATE SKIP LOCKED}, and the no-double-start rule
     * refuses a second PENDING in any case, so each run is claimed once.
     *
     * @return the claimed runs, in PENDING; empty if there is no such pool
     */
    public List<FlowRunRecord> claimScheduledRuns(String poolName, Collection<String> queueNames, Instant before, int limit) {
        return claims.scheduled(poolName, queueNames, before, limit);
    }

    /** Records task runs as the client decided them, each with its state-change event. */
    public void recordTaskRuns(List<TaskRun> taskRuns) {
        if (taskRuns.isEmpty()) {
            return;
        }
        database.inTransaction(tx -> {
            tx.taskRuns().upsert(taskRuns);
            tx.events().insertAll(taskRuns.stream().map(run -> StateEvents.taskRun(run, run.state().timestamp())).toList());
            return null;
        });
        changed.run();
    }

    public void recordLogs(List<RunLog> logs) {
        if (!logs.isEmpty()) {
            database.logs().insert(logs);
            changed.run();
        }
    }

    /**
     * Claims due runs for a process that serves deployments itself ({@code Weir.serve}): SCHEDULED runs
     * of {@code deploymentIds} on no work pool, due by {@code before}, earliest first, at most {@code
     * limit}, each moved to PENDING by the policy, within each deployment's concurrency limit (as {@link
     * #claimScheduledRuns}). Runs of any other deployment are never touched.
     *
     * <p>Safe against concurrent claimers as {@link #claimScheduledRuns} is: one request on SQLite's
     * single writer, candidates locked {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, and the policy
     * refuses a second PENDING in any case, so each run is claimed once.
     *
     * @return the claimed runs, in PENDING
     */
    public List<FlowRunRecord> claimServedRuns(Collection<UUID> deploymentIds, Instant before, int limit) {
        return claims.served(deploymentIds, before, limit);
    }
}
