package dev.weir.server.orchestration;

import dev.weir.server.store.DeploymentRecord;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.NewDeployment;
import dev.weir.server.store.Stores;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The concurrency limit of deployments, decided when a worker claims a run: a run of a deployment at
 * its limit waits ({@code AwaitingConcurrencySlot}, still due) or is cancelled ({@code CANCEL_NEW});
 * otherwise it gets a slot, a lease of {@link #LEASE} that its heartbeats renew and its end gives back.
 * Used inside one claim transaction; not thread-safe.
 */
final class DeploymentSlots {

    /** How long a slot is held without a heartbeat. */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** What to do with a claimed candidate. */
    sealed interface Verdict {
        /** Claim it: it holds a slot now (or its deployment has no limit). */
        record Claim() implements Verdict {}

        /** Leave it due, in {@code state} (AwaitingConcurrencySlot), or unchanged when {@code state} is null. */
        record Wait(State state) implements Verdict {}

        /** End it in {@code state} (Cancelled): its deployment cancels new runs at the limit. */
        record Cancel(State state) implements Verdict {}
    }

    private final Stores tx;
    private final Instant now;
    private final Map<UUID, Optional<DeploymentRecord>> deployments = new HashMap<>();

    DeploymentSlots(Stores tx, Instant now) {
        this.tx = tx;
        this.now = now;
    }

    /** Decides the candidate; a Claim has already taken the slot's lease. */
    Verdict decide(FlowRunRecord candidate) {
        if (candidate.deploymentId() == null) {
            return new Verdict.Claim();
        }
        DeploymentRecord deployment = deployments
                .computeIfAbsent(candidate.deploymentId(), id -> tx.deployments().read(id))
                .orElse(null);
        if (deployment == null || deployment.concurrencyLimit() == null) {
            return new Verdict.Claim();
        }
        long active = tx.concurrencyLeases().active(deployment.id(), now);
        if (active < deployment.concurrencyLimit()) {
            tx.concurrencyLeases().acquire(deployment.id(), candidate.id(), now.plus(LEASE), now);
            return new Verdict.Claim();
        }
        String why = "deployment '" + deployment.flowName() + "/" + deployment.name() + "' is at its concurrency limit of "
                + deployment.concurrencyLimit();
        if (deployment.collisionStrategy() == NewDeployment.CollisionStrategy.CANCEL_NEW) {
            return new Verdict.Cancel(State.cancelled(now, "Cancelled: " + why));
        }
        State current = candidate.run().state();
        if (State.AWAITING_CONCURRENCY_SLOT.equals(current.name())) {
            return new Verdict.Wait(null);
        }
        return new Verdict.Wait(new State(StateType.SCHEDULED, State.AWAITING_CONCURRENCY_SLOT, "Waiting: " + why, now,
                dev.weir.state.StateDetails.NONE.withScheduledTime(current.details().scheduledTime())));
    }
}
