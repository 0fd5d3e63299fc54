package dev.weir.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RetryPolicy;
import dev.weir.server.orchestration.FlowRunOrchestrator;
import dev.weir.server.store.Database;
import dev.weir.state.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteExpiredRunsTest {

    @TempDir
    Path home;

    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    private UUID finishedRun(Database database, Instant at) {
        FlowRunOrchestrator orchestrator = new FlowRunOrchestrator(database, InstantSource.fixed(at), () -> {});
        UUID id = Ids.newId();
        orchestrator.create(new FlowRunCreate(id, "old", "etl", "v1", Map.of(), List.of(), null, RetryPolicy.NONE,
                State.pending(at)), null);
        orchestrator.setState(id, State.running(at), false);
        orchestrator.setState(id, State.completed(at.plusSeconds(1)), false);
        return id;
    }

    @Test
    void finishedRunsOlderThanTheRetentionPeriodAreDeletedAndNewerOnesKept() {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"))) {
            UUID old = finishedRun(database, LONG_AGO);
            UUID recent = finishedRun(database, LONG_AGO.plus(Duration.ofDays(20)));

            new DeleteExpiredRuns(database.retention(), InstantSource.fixed(LONG_AGO.plus(Duration.ofDays(31))), 30).runOnce();

            assertThat(database.flowRuns().read(old)).isEmpty();
            assertThat(database.flowRuns().read(recent)).isPresent();
        }
    }

    @Test
    void zeroDaysKeepsEverything() {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"))) {
            UUID old = finishedRun(database, LONG_AGO);

            new DeleteExpiredRuns(database.retention(), InstantSource.fixed(LONG_AGO.plus(Duration.ofDays(3650))), 0).runOnce();

            assertThat(database.flowRuns().read(old)).isPresent();
        }
    }
}
