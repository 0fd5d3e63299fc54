package dev.weir.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.server.store.Database;
import dev.weir.server.store.NewWorkPool;
import dev.weir.server.store.WorkerRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorWorkerHeartbeatsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path home;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;

    @Test
    void aWorkerThatMissedThreeBeatsGoesOfflineAndOneThatBeatStaysOnline() {
        try (Database database = Database.open("jdbc:sqlite:" + home.resolve("weir.db"))) {
            UUID pool = database.workPools().upsert(new NewWorkPool("local", "process", null, null, null, false), T0).pool().id();
            MonitorWorkerHeartbeats monitor = new MonitorWorkerHeartbeats(database, clock);
            database.workers().heartbeat(pool, "silent", T0);
            database.workers().heartbeat(pool, "alive", T0);

            now.set(T0.plusSeconds(60));
            database.workers().heartbeat(pool, "alive", now.get());
            now.set(T0.plusSeconds(90));
            assertThat(monitor.markOffline()).as("exactly 90 s is not yet three missed beats").isZero();

            now.set(T0.plusSeconds(91));
            assertThat(monitor.markOffline()).isEqualTo(1);
            assertThat(database.workers().list(pool)).extracting(WorkerRecord::name, WorkerRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alive", WorkerRecord.Status.ONLINE),
                            org.assertj.core.groups.Tuple.tuple("silent", WorkerRecord.Status.OFFLINE));
            assertThat(monitor.markOffline()).isZero();
        }
    }
}
