package dev.weir.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.server.store.StateRecord;
import dev.weir.state.State;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkLateRunsTest {

    private static final Instant DUE = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path home;

    private final AtomicReference<Instant> now = new AtomicReference<>(DUE.minusSeconds(60));
    private final InstantSource clock = now::get;

    private UUID run(FlowRunOrchestrator orchestrator, State initial) {
        UUID id = Ids.newId();
        orchestrator.create(new FlowRunCreate(id, null, "etl", null, Map.of(), List.of(), null, null, initial), null);
        return id;
    }

    @Test
    void aRunStillScheduledFifteenSecondsAfterItsTimeIsRenamedLateAndOthersAreLeftAlone() {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"))) {
            FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(database, clock, () -> {});
            MarkLateRuns late = new MarkLateRuns(database, orchestrator, clock);
            UUID scheduled = run(orchestrator, State.scheduled(now.get(), DUE));
            UUID started = run(orchestrator, State.scheduled(now.get(), DUE));
            orchestrator.setState(started, State.pending(now.get()), false);
            UUID retrying = run(orchestrator, State.awaitingRetry(now.get(), DUE, "retry"));
            UUID notYet = run(orchestrator, State.scheduled(now.get(), DUE.plusSeconds(60)));

            now.set(DUE.plusSeconds(15));
            assertThat(late.markLate()).isZero();

            now.set(DUE.plusSeconds(16));
            assertThat(late.markLate()).isEqualTo(1);

            State state = database.flowRuns().read(scheduled).orElseThrow().run().state();
            assertThat(state.name()).isEqualTo(State.LATE);
            assertThat(state.type()).isEqualTo(dev.weir.state.StateType.SCHEDULED);
            assertThat(state.details().scheduledTime()).isEqualTo(DUE);
            assertThat(database.flowRuns().states(scheduled)).extracting(r -> r.state().name())
                    .containsExactly(State.SCHEDULED, State.LATE);
            assertThat(database.flowRuns().read(started).orElseThrow().run().state().name()).isEqualTo(State.PENDING);
            assertThat(database.flowRuns().read(retrying).orElseThrow().run().state().name()).isEqualTo(State.AWAITING_RETRY);
            assertThat(database.flowRuns().read(notYet).orElseThrow().run().state().name()).isEqualTo(State.SCHEDULED);

            assertThat(late.markLate()).as("a Late run is not marked again").isZero();
            assertThat(database.flowRuns().states(scheduled)).hasSize(2);
        }
    }
}
