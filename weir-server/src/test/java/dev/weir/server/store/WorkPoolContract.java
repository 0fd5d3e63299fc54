package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Work pools, queues, workers and the claim of due runs. Part of {@link StoreContract}. */
interface WorkPoolContract {

    Database db();

    private static NewWorkPool aPool(String name) {
        return new NewWorkPool(name, "process", "local JVMs", Map.of("variables", Map.of("type", "object")), null, false);
    }

    private FlowRunOrchestrator orchestrator() {
        return new FlowRunOrchestrator(db(), InstantSource.fixed(at(100)), () -> {});
    }

    /** A deployment of flow {@code flow} on the pool and queue (null: the default queue). */
    private DeploymentRecord deployment(String flow, String pool, String queue) {
        return db().deployments().upsert(new NewDeployment(flow, "d", "com.acme.Etl#run", pool, queue, null, null, false,
                null, null, null, null, null), T0).deployment();
    }

    /** A SCHEDULED run of the deployment due at {@code due}. */
    private UUID dueRun(DeploymentRecord deployment, java.time.Instant due) {
        return db().flowRuns().create(NewFlowRun.of(aFlowRun(deployment.flowName(), State.scheduled(T0, due)), T0)
                .withDeployment(deployment.id())).run().id();
    }

    @Test
    default void createsAPoolWithADefaultQueueThenUpdatesItByNameKeepingIdAndQueues() {
        UpsertedWorkPool created = db().workPools().upsert(aPool("local"), T0);
        assertThat(created.inserted()).isTrue();
        WorkPoolRecord pool = created.pool();
        assertThat(pool.type()).isEqualTo("process");
        assertThat(pool.baseJobTemplate()).isEqualTo(Map.of("variables", Map.of("type", "object")));
        assertThat(db().workQueues().list(pool.id())).singleElement()
                .satisfies(q -> assertThat(q.name()).isEqualTo("default"))
                .satisfies(q -> assertThat(q.priority()).isEqualTo(1));

        UpsertedWorkPool updated = db().workPools().upsert(new NewWorkPool("local", "process", "changed", null, 3, false), at(1));
        assertThat(updated.inserted()).isFalse();
        assertThat(updated.pool().id()).isEqualTo(pool.id());
        assertThat(updated.pool().description()).isEqualTo("changed");
        assertThat(updated.pool().concurrencyLimit()).isEqualTo(3);
        assertThat(updated.pool().created()).isEqualTo(T0);
        assertThat(updated.pool().updated()).isEqualTo(at(1));
        assertThat(db().workQueues().list(pool.id())).hasSize(1);
        assertThat(db().workPools().read("local")).contains(updated.pool());
        assertThat(db().workPools().read("remote")).isEmpty();
    }

    @Test
    default void poolsAreListedByNamePausedAndDeletedWithTheirQueuesAndWorkers() {
        UUID b = db().workPools().upsert(aPool("b"), T0).pool().id();
        db().workPools().upsert(aPool("a"), T0);
        db().workers().heartbeat(b, "w1", T0);
        assertThat(db().workPools().list()).extracting(WorkPoolRecord::name).containsExactly("a", "b");
        assertThat(db().workPools().setPaused("b", true, at(1))).isTrue();
        assertThat(db().workPools().read("b").orElseThrow().paused()).isTrue();
        assertThat(db().workPools().setPaused("c", true, at(1))).isFalse();

        assertThat(db().workPools().delete("b")).isTrue();
        assertThat(db().workPools().delete("b")).isFalse();
        assertThat(db().workQueues().list(b)).isEmpty();
        assertThat(db().workers().list(b)).isEmpty();
    }

    @Test
    default void queuesGetTheNextPriorityByDefaultAndATakenPriorityIsRefused() {
        UUID pool = db().workPools().upsert(aPool("local"), T0).pool().id();
        WorkQueueRecord low = db().workQueues().upsert(pool, new NewWorkQueue("low", null, 2, false), T0);
        assertThat(low.priority()).isEqualTo(2);
        assertThat(low.concurrencyLimit()).isEqualTo(2);
        WorkQueueRecord changed = db().workQueues().upsert(pool, new NewWorkQueue("low", null, null, true), T0);
        assertThat(changed.id()).isEqualTo(low.id());
        assertThat(changed.priority()).isEqualTo(2);
        assertThat(changed.paused()).isTrue();
        assertThatThrownBy(() -> db().workQueues().upsert(pool, new NewWorkQueue("urgent", 1, null, false), T0))
                .isInstanceOf(StoreException.class).hasMessageContaining("Priority 1 is taken by queue 'default'");
        db().workQueues().upsert(pool, new NewWorkQueue("urgent", 7, null, false), T0);
        assertThat(db().workQueues().list(pool)).extracting(WorkQueueRecord::name).containsExactly("default", "low", "urgent");
    }

    @Test
    default void heartbeatsKeepAWorkerOnlineAndSilentWorkersGoOffline() {
        UUID pool = db().workPools().upsert(aPool("local"), T0).pool().id();
        WorkerRecord first = db().workers().heartbeat(pool, "w1", T0);
        db().workers().heartbeat(pool, "w2", T0);
        WorkerRecord again = db().workers().heartbeat(pool, "w1", at(60));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.lastHeartbeat()).isEqualTo(at(60));

        assertThat(db().workers().markOffline(at(30))).isEqualTo(1);
        assertThat(db().workers().list(pool)).extracting(WorkerRecord::name, WorkerRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", WorkerRecord.Status.ONLINE),
                        org.assertj.core.groups.Tuple.tuple("w2", WorkerRecord.Status.OFFLINE));
        assertThat(db().workers().heartbeat(pool, "w2", at(70)).status()).isEqualTo(WorkerRecord.Status.ONLINE);
    }

    @Test
    default void aClaimMovesDueRunsOfThePoolToPendingByQueuePriorityWithinLimits() {
        UUID pool = db().workPools().upsert(new NewWorkPool("local", "process", null, null, 3, false), T0).pool().id();
        db().workQueues().upsert(pool, new NewWorkQueue("urgent", 5, 1, false), T0);
        DeploymentRecord normal = deployment("etl", "local", null);
        DeploymentRecord urgent = deployment("hot", "local", "urgent");
        DeploymentRecord elsewhere = deployment("far", "remote", null);
        UUID early = dueRun(normal, at(10));
        UUID late = dueRun(normal, at(20));
        UUID later = dueRun(normal, at(30));
        UUID hot1 = dueRun(urgent, at(40));
        dueRun(urgent, at(41));
        dueRun(normal, at(500));
        dueRun(elsewhere, at(10));

        List<FlowRunRecord> claimed = orchestrator().claimScheduledRuns("local", List.of(), at(100), 10);

        // default (priority 1) first, then urgent (5) up to its limit of 1; the pool's limit of 3 stops it.
        assertThat(claimed).extracting(FlowRunRecord::id).containsExactly(early, late, later);
        assertThat(claimed).allSatisfy(r -> assertThat(r.run().state().type()).isEqualTo(StateType.PENDING));
        assertThat(db().flowRuns().read(hot1).orElseThrow().run().state().type()).isEqualTo(StateType.SCHEDULED);
        assertThat(orchestrator().claimScheduledRuns("local", List.of(), at(100), 10)).isEmpty();

        db().workPools().upsert(new NewWorkPool("local", "process", null, null, null, false), T0);
        assertThat(orchestrator().claimScheduledRuns("local", List.of("urgent"), at(100), 10))
                .extracting(FlowRunRecord::id).containsExactly(hot1);
        assertThat(db().workQueues().read(pool, "urgent").orElseThrow().lastPolled()).isEqualTo(at(100));
        assertThat(orchestrator().claimScheduledRuns("nowhere", List.of(), at(100), 10)).isEmpty();
    }

    @Test
    default void aPausedPoolOrQueueHandsOutNothing() {
        UUID pool = db().workPools().upsert(aPool("local"), T0).pool().id();
        UUID run = dueRun(deployment("etl", "local", null), at(10));
        db().workPools().setPaused("local", true, T0);
        assertThat(orchestrator().claimScheduledRuns("local", List.of(), at(100), 10)).isEmpty();
        db().workPools().setPaused("local", false, T0);
        db().workQueues().upsert(pool, new NewWorkQueue("default", null, null, true), T0);
        assertThat(orchestrator().claimScheduledRuns("local", List.of(), at(100), 10)).isEmpty();
        db().workQueues().upsert(pool, new NewWorkQueue("default", null, null, false), T0);
        assertThat(orchestrator().claimScheduledRuns("local", List.of(), at(100), 10)).extracting(FlowRunRecord::id)
                .containsExactly(run);
    }

    @Test
    default void fourConcurrentClaimersClaimEachOfFiftyDueRunsExactlyOnce() throws Exception {
        db().workPools().upsert(aPool("local"), T0);
        DeploymentRecord deployment = deployment("etl", "local", null);
        Set<UUID> due = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            due.add(dueRun(deployment, at(i)));
        }
        FlowRunOrchestrator orchestrator = orchestrator();
        List<UUID> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService claimers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                futures.add(claimers.submit(() -> {
                    start.await();
                    List<FlowRunRecord> batch;
                    do {
                        batch = orchestrator.claimScheduledRuns("local", List.of(), at(100), 3);
                        batch.forEach(r -> claimed.add(r.id()));
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(claimed).hasSize(50).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(due);
        assertThat(due).allSatisfy(id -> assertThat(db().flowRuns().states(id)).extracting(s -> s.state().type())
                .containsExactly(StateType.SCHEDULED, StateType.PENDING));
    }
}
