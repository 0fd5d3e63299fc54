package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Deployment concurrency limits as leases, decided when runs are claimed. Part of {@link StoreContract}. */
interface ConcurrencySlotContract {

    Database db();

    private DeploymentRecord limited(String flow, NewDeployment.CollisionStrategy strategy) {
        db().workPools().upsert(new NewWorkPool(flow, "process", null, null, null, false), T0);
        return db().deployments().upsert(new NewDeployment(flow, "d", "com.acme.Etl#run", flow, null, null, null, false,
                null, null, null, 1, null, strategy, 2, 5.0), T0).deployment();
    }

    private UUID dueRun(DeploymentRecord deployment, Instant due) {
        return db().flowRuns().create(NewFlowRun.of(aFlowRun(deployment.flowName(), State.scheduled(T0, due)), T0)
                .withDeployment(deployment.id())).run().id();
    }

    private State state(UUID id) {
        return db().flowRuns().read(id).orElseThrow().run().state();
    }

    @Test
    default void atTheLimitARunWaitsInAwaitingConcurrencySlotUntilTheHolderEnds() {
        AtomicReference<Instant> now = new AtomicReference<>(at(100));
        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(db(), now::get, () -> {});
        DeploymentRecord deployment = limited("slot-enqueue", NewDeployment.CollisionStrategy.ENQUEUE);
        UUID first = dueRun(deployment, at(10));
        UUID second = dueRun(deployment, at(20));

        assertThat(orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), at(100), 10))
                .extracting(FlowRunRecord::id).containsExactly(first);
        assertThat(state(second).name()).isEqualTo(State.AWAITING_CONCURRENCY_SLOT);
        assertThat(state(second).details().scheduledTime()).isEqualTo(at(20));
        assertThat(db().concurrencyLeases().active(deployment.id(), now.get())).isEqualTo(1);
        assertThat(orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), at(100), 10)).as("still at the limit").isEmpty();
        assertThat(db().flowRuns().states(second)).as("waiting is written once").hasSize(2);

        orchestrator.setState(first, State.running(now.get()), false);
        orchestrator.setState(first, State.completed(now.get()), false);
        assertThat(db().concurrencyLeases().active(deployment.id(), now.get())).as("the end gives the slot back").isZero();
        assertThat(orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), at(100), 10))
                .extracting(FlowRunRecord::id).containsExactly(second);
    }

    @Test
    default void cancelNewEndsTheRunThatFindsNoSlot() {
        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(db(), () -> at(100), () -> {});
        DeploymentRecord deployment = limited("slot-cancel", NewDeployment.CollisionStrategy.CANCEL_NEW);
        UUID first = dueRun(deployment, at(10));
        UUID second = dueRun(deployment, at(20));

        assertThat(orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), at(100), 10))
                .extracting(FlowRunRecord::id).containsExactly(first);
        assertThat(state(second).type()).isEqualTo(StateType.CANCELLED);
        assertThat(state(second).message()).contains("concurrency limit of 1");
    }

    @Test
    default void aHolderThatStopsBeatingLosesItsSlotWhenTheLeaseExpires() {
        AtomicReference<Instant> now = new AtomicReference<>(at(100));
        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(db(), now::get, () -> {});
        DeploymentRecord deployment = limited("slot-lease", NewDeployment.CollisionStrategy.ENQUEUE);
        UUID holder = dueRun(deployment, at(10));
        UUID waiter = dueRun(deployment, at(20));
        orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), now.get(), 10);

        now.set(at(150));
        orchestrator.heartbeat(holder);
        now.set(at(200));
        assertThat(orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), now.get(), 10))
                .as("a heartbeat at 150 s renewed the lease to 210 s").isEmpty();

        now.set(at(211));
        assertThat(orchestrator.claimScheduledRuns(deployment.workPoolName(), List.of(), now.get(), 10))
                .extracting(FlowRunRecord::id).containsExactly(waiter);
        assertThat(db().concurrencyLeases().deleteExpired(now.get())).isEqualTo(1);
        assertThat(db().concurrencyLeases().active(deployment.id(), now.get())).isEqualTo(1);
    }

    @Test
    default void deploymentRunsCarryTheFlowsRetriesCrashesIncluded() {
        DeploymentRecord deployment = limited("slot-retries", NewDeployment.CollisionStrategy.ENQUEUE);
        assertThat(deployment.runPolicy().retries()).isEqualTo(2);
        assertThat(deployment.runPolicy().retryDelaySeconds()).isEqualTo(5.0);
        assertThat(deployment.runPolicy().retryCrashes()).isTrue();
        assertThat(deployment.collisionStrategy()).isEqualTo(NewDeployment.CollisionStrategy.ENQUEUE);
    }
}
