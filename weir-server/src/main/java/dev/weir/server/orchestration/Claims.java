package dev.weir.server.orchestration;

import dev.weir.orchestration.FlowRunPolicy;
import dev.weir.orchestrator.StateDecision;
import dev.weir.server.store.Database;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.Stores;
import dev.weir.server.store.WorkPoolRecord;
import dev.weir.server.store.WorkQueueRecord;
import dev.weir.state.State;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The claims of due runs, by workers of a pool and by processes serving deployments: candidates read
 * (locked on PostgreSQL), each decided by its deployment's slots, then moved to PENDING by the policy,
 * all in one transaction. See {@link FlowRunOrchestrator#claimScheduledRuns} and {@link
 * FlowRunOrchestrator#claimServedRuns}.
 */
final class Claims {

    private final Database database;
    private final InstantSource clock;
    private final Runnable changed;

    Claims(Database database, InstantSource clock, Runnable changed) {
        this.database = database;
        this.clock = clock;
        this.changed = changed;
    }

    List<FlowRunRecord> scheduled(String poolName, Collection<String> queueNames, Instant before, int limit) {
        Instant now = clock.instant();
        List<FlowRunRecord> claimed = database.inTransaction(tx -> {
            List<FlowRunRecord> runs = new ArrayList<>();
            WorkPoolRecord pool = tx.workPools().read(poolName).orElse(null);
            if (pool == null) {
                return runs;
            }
            List<WorkQueueRecord> queues = tx.workQueues().list(pool.id()).stream()
                    .filter(q -> queueNames.isEmpty() || queueNames.contains(q.name()))
                    .toList();
            if (pool.concurrencyLimit() != null || queues.stream().anyMatch(q -> q.concurrencyLimit() != null)) {
                // Claimers counting active runs against a limit take turns, or two could fill the same room.
                pool = tx.workPools().readForUpdate(poolName).orElse(pool);
            }
            tx.workQueues().markPolled(queues.stream().map(WorkQueueRecord::id).toList(), now);
            if (pool.paused()) {
                return runs;
            }
            DeploymentSlots slots = new DeploymentSlots(tx, now);
            long poolRoom = pool.concurrencyLimit() == null ? Long.MAX_VALUE
                    : pool.concurrencyLimit() - tx.workQueues().active(poolName, null);
            for (WorkQueueRecord queue : queues) {
                long room = Math.min(poolRoom, limit - runs.size());
                if (queue.concurrencyLimit() != null) {
                    room = Math.min(room, queue.concurrencyLimit() - tx.workQueues().active(poolName, queue.name()));
                }
                if (queue.paused() || room <= 0) {
                    continue;
                }
                // Runs waiting for a deployment slot are passed over, so a few more candidates are read.
                for (FlowRunRecord candidate : tx.workQueues().dueRuns(poolName, queue.name(), before, (int) room + SLOT_WAITERS)) {
                    if (room <= 0) {
                        break;
                    }
                    if (!admit(tx, slots.decide(candidate), candidate, now)) {
                        continue;
                    }
                    FlowRunPolicy.Outcome outcome = FlowRunPolicy.standard().apply(candidate.run(), State.pending(now), now);
                    if (outcome.written() && outcome.decision() instanceof StateDecision.Accept) {
                        FlowRunRecord written = tx.flowRuns().writeState(candidate.id(), candidate.version(), outcome.run());
                        tx.events().insert(StateEvents.flowRun(outcome.run(), candidate.run().state(), now));
                        FlowRunOrchestrator.afterWrite(tx, written, now);
                        tx.workQueues().assign(candidate.id(), queue.id());
                        runs.add(written);
                        poolRoom--;
                        room--;
                    }
                }
            }
            return runs;
        });
        if (!claimed.isEmpty()) {
            changed.run();
        }
        return claimed;
    }

    List<FlowRunRecord> served(Collection<UUID> deploymentIds, Instant before, int limit) {
        Instant now = clock.instant();
        List<FlowRunRecord> claimed = database.inTransaction(tx -> {
            List<FlowRunRecord> runs = new ArrayList<>();
            DeploymentSlots slots = new DeploymentSlots(tx, now);
            for (FlowRunRecord candidate : tx.deployments().dueServedRuns(deploymentIds, before, limit + SLOT_WAITERS)) {
                if (runs.size() >= limit) {
                    break;
                }
                if (!admit(tx, slots.decide(candidate), candidate, now)) {
                    continue;
                }
                FlowRunPolicy.Outcome outcome = FlowRunPolicy.standard().apply(candidate.run(), State.pending(now), now);
                if (outcome.written() && outcome.decision() instanceof StateDecision.Accept) {
                    FlowRunRecord written = tx.flowRuns().writeState(candidate.id(), candidate.version(), outcome.run());
                    tx.events().insert(StateEvents.flowRun(outcome.run(), candidate.run().state(), now));
                    FlowRunOrchestrator.afterWrite(tx, written, now);
                    runs.add(written);
                }
            }
            return runs;
        });
        if (!claimed.isEmpty()) {
            changed.run();
        }
        return claimed;
    }
    /** How many runs waiting for a deployment's slot a claim passes over per queue at most. */
    private static final int SLOT_WAITERS = 100;

    /** Applies a slot verdict; true if the candidate may be claimed. */
    private static boolean admit(Stores tx, DeploymentSlots.Verdict verdict, FlowRunRecord candidate, Instant now) {
        State next = switch (verdict) {
            case DeploymentSlots.Verdict.Claim claim -> null;
            case DeploymentSlots.Verdict.Wait wait -> wait.state();
            case DeploymentSlots.Verdict.Cancel cancel -> cancel.state();
        };
        if (next != null) {
            FlowRunPolicy.Outcome outcome = FlowRunPolicy.standard().apply(candidate.run(), next, now);
            if (outcome.written()) {
                FlowRunRecord written = tx.flowRuns().writeState(candidate.id(), candidate.version(), outcome.run());
                tx.events().insert(StateEvents.flowRun(outcome.run(), candidate.run().state(), now));
                FlowRunOrchestrator.afterWrite(tx, written, now);
            }
        }
        return verdict instanceof DeploymentSlots.Verdict.Claim;
    }
}
