package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static dev.weir.server.store.Fixtures.aFlowRun;
import static dev.weir.server.store.Fixtures.aLog;
import static dev.weir.server.store.Fixtures.at;
import static dev.weir.server.store.Fixtures.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.run.FlowRun;
import dev.weir.state.State;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, plus what only the single-writer design promises. */
class SqliteStoreTest extends StoreContract {

    @TempDir
    Path folder;

    @Override
    protected Database openDatabase() {
        return Database.open("jdbc:sqlite:" + folder.resolve("nested/weir.db"));
    }

    @Test
    void opensAsSqliteAndReopensTheSameFile() {
        UUID run = db.flowRuns().create(NewFlowRun.of(aFlowRun("etl"), T0)).run().id();
        db.close();
        db = Database.open("jdbc:sqlite:" + folder.resolve("nested/weir.db"));
        assertThat(db.kind()).isEqualTo(Database.Kind.SQLITE);
        assertThat(db.flowRuns().read(run)).isPresent();
    }

    @Test
    void manyConcurrentWritersAndReadersNeverSeeTheDatabaseLocked() throws Exception {
        int writers = 16;
        int writesEach = 500;
        UUID run = db.flowRuns().create(NewFlowRun.of(aFlowRun("etl"), T0)).run().id();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers + 4)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        try {
                            write(writer, i, run);
                        } catch (RuntimeException e) {
                            errors.add(e);
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        try {
                            db.logs().count(LogFilter.ofFlowRun(run));
                            db.flowRuns().list(FlowRunFilter.all(), FlowRunSort.CREATED_DESC, Page.first(20));
                            reads.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> write : writes) {
                write.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        }
        assertThat(errors).isEmpty();
        assertThat(reads.get()).isPositive();
        long logs = db.logs().count(LogFilter.ofFlowRun(run));
        long runs = db.flowRuns().count(FlowRunFilter.all().withFlowNames("load"));
        assertThat(logs + runs).isEqualTo((long) writers * writesEach);
        assertThat(runs).isEqualTo(writers * (writesEach / 4));
    }

    /** Three in four writes are log lines, one in four a run created and moved to RUNNING in one transaction. */
    private void write(int writer, int i, UUID run) {
        if (i % 4 != 0) {
            db.logs().insert(List.of(aLog(run, null, "INFO", writer + "-" + i, at(i))));
            return;
        }
        db.inTransaction(tx -> {
            FlowRunRecord created = tx.flowRuns().create(NewFlowRun.of(aFlowRun("load"), at(i))).run();
            FlowRun running = moved(created.run(), State.running(at(i + 1)));
            return tx.flowRuns().writeState(created.id(), created.version(), running);
        });
    }

    @Test
    void aFullWriteQueueRefusesAtOnceWithADedicatedException() throws Exception {
        db.close();
        db = Database.open("jdbc:sqlite:" + folder.resolve("small.db"), DatabaseOptions.defaults().withWriteQueueCapacity(2));
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> blocker = pool.submit(() -> db.inTransaction(tx -> {
                writerBusy.countDown();
                await(release);
                return null;
            }));
            writerBusy.await();
            List<Future<?>> queued = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                queued.add(pool.submit(() -> {
                    try {
                        db.flows().upsert("f" + UUID.randomUUID(), T0);
                    } catch (WriteQueueFullException e) {
                        refused.add(e);
                    }
                }));
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> refused.size() == 8);
            release.countDown();
            blocker.get();
            for (Future<?> future : queued) {
                future.get();
            }
        }
        assertThat(refused).allSatisfy(e -> assertThat(e).hasMessageContaining("queue is full"));
        assertThat(db.flows().count()).isEqualTo(2);
    }

    @Test
    void aWriteFromInsideATransactionOnTheWriterIsRefusedNotDeadlocked() {
        assertThatThrownBy(() -> db.inTransaction(tx -> db.flows().upsert("nested", T0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inTransaction");
        assertThat(db.flows().count()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
