package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The claim of due runs by a process that serves deployments itself. Part of {@link StoreContract}. */
interface ServedRunsContract {

    Database db();

    private FlowRunOrchestrator orchestrator() {
        return new FlowRunOrchestrator(db(), InstantSource.fixed(at(100)), () -> {});
    }

    /** A deployment of flow {@code flow}, on {@code pool} (null: served by a process, on no pool). */
    private DeploymentRecord deployment(String flow, String pool) {
        return db().deployments().upsert(new NewDeployment(flow, "d", "com.acme.Etl#run", pool, null, null, null, false,
                null, null, null, null, null), T0).deployment();
    }

    private UUID dueRun(DeploymentRecord deployment, Instant due) {
        return db().flowRuns().create(NewFlowRun.of(aFlowRun(deployment.flowName(), State.scheduled(T0, due)), T0)
                .withDeployment(deployment.id())).run().id();
    }

    @Test
    default void aServedClaimMovesDueRunsOfOnlyTheGivenServedDeploymentsToPendingEarliestFirst() {
        DeploymentRecord served = deployment("etl", null);
        DeploymentRecord other = deployment("report", null);
        DeploymentRecord pooled = deployment("backup", "local");
        UUID early = dueRun(served, at(10));
        UUID late = dueRun(served, at(20));
        UUID notYet = dueRun(served, at(500));
        UUID othersRun = dueRun(other, at(5));
        UUID pooledRun = dueRun(pooled, at(5));

        List<FlowRunRecord> first = orchestrator().claimServedRuns(List.of(served.id(), pooled.id()), at(100), 1);
        List<FlowRunRecord> rest = orchestrator().claimServedRuns(List.of(served.id(), pooled.id()), at(100), 10);

        assertThat(first).extracting(FlowRunRecord::id).containsExactly(early);
        assertThat(rest).extracting(FlowRunRecord::id).containsExactly(late);
        assertThat(rest).allSatisfy(r -> assertThat(r.run().state().type()).isEqualTo(StateType.PENDING));
        assertThat(orchestrator().claimServedRuns(List.of(served.id()), at(100), 10)).isEmpty();
        assertThat(List.of(notYet, othersRun, pooledRun)).allSatisfy(id ->
                assertThat(db().flowRuns().read(id).orElseThrow().run().state().type()).isEqualTo(StateType.SCHEDULED));
        assertThat(orchestrator().claimServedRuns(List.of(), at(100), 10)).isEmpty();
    }

    @Test
    default void fourConcurrentServersClaimEachOfFortyDueRunsExactlyOnce() throws Exception {
        DeploymentRecord deployment = deployment("etl", null);
        Set<UUID> due = new HashSet<>();
        for (int i = 0; i < 40; i++) {
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
                        batch = orchestrator.claimServedRuns(List.of(deployment.id()), at(100), 3);
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
        assertThat(claimed).hasSize(40).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(due);
        assertThat(due).allSatisfy(id -> assertThat(db().flowRuns().states(id)).extracting(s -> s.state().type())
                .containsExactly(StateType.SCHEDULED, StateType.PENDING));
    }
}
