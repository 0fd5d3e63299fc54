package dev.weir.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // Locks are held for the scope of a try block and need no reference inside it.
class LockManagerTest {

    @TempDir
    Path dir;

    private List<Supplier<LockManager>> managers() {
        return List.of(LockManager::inMemory, () -> LockManager.fileLocks(dir.resolve("locks")));
    }

    @Test
    void serializesThreadsOnOneKey() throws Exception {
        for (Supplier<LockManager> factory : managers()) {
            LockManager locks = factory.get();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger maxInside = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.runAsync(() -> {
                awaitLatch(start);
                for (int round = 0; round < 20; round++) {
                    try (IsolationLock lock = locks.acquire("key", Duration.ofSeconds(30))) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                    }
                }
            })).toList();

            start.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(maxInside.get()).as(locks.getClass().getSimpleName()).isEqualTo(1);
        }
    }

    @Test
    void aSecondThreadWaitsUntilTheFirstReleases() throws Exception {
        for (Supplier<LockManager> factory : managers()) {
            LockManager locks = factory.get();
            IsolationLock first = locks.acquire("key", Duration.ofSeconds(1));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
                try (IsolationLock lock = locks.acquire("key", Duration.ofSeconds(30))) {
                    return lock.key();
                }
            });

            assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            first.close();

            await().atMost(Duration.ofSeconds(10)).until(second::isDone);
            assertThat(second.get()).isEqualTo("key");
        }
    }

    @Test
    void failsClearlyWhenTheTimeoutRunsOutAndOtherKeysAreIndependent() throws Exception {
        for (Supplier<LockManager> factory : managers()) {
            LockManager locks = factory.get();
            try (IsolationLock held = locks.acquire("busy", Duration.ofSeconds(1))) {
                CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                    assertThatThrownBy(() -> locks.acquire("busy", Duration.ofMillis(50)))
                            .isInstanceOf(LockTimeoutException.class)
                            .hasMessageContaining("'busy'")
                            .hasMessageContaining("PT0.05S");
                    locks.acquire("free", Duration.ofMillis(50)).close();
                });
                other.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void isReentrantAndDropsEntriesOnceFree() {
        InMemoryLockManager locks = new InMemoryLockManager();

        try (IsolationLock outer = locks.acquire("k", Duration.ofSeconds(1));
                IsolationLock inner = locks.acquire("k", Duration.ofSeconds(1))) {
            assertThat(locks.trackedKeys()).isEqualTo(1);
            inner.close();
            inner.close(); // a second close does nothing
        }

        assertThat(locks.trackedKeys()).isZero();
    }

    @Test
    void fileLocksAreReentrantWithinAThreadAndAcceptAnyKey() {
        LockManager locks = LockManager.fileLocks(dir);
        String awkwardKey = "../not/a file name?".repeat(20);

        try (IsolationLock outer = locks.acquire(awkwardKey, Duration.ofSeconds(1));
                IsolationLock inner = locks.acquire(awkwardKey, Duration.ofSeconds(1))) {
            assertThat(inner.key()).isEqualTo(awkwardKey);
        }
        assertThat(dir.toFile().list()).singleElement().asString().matches("[0-9a-f]{64}\\.lock");
    }

    @Test
    void fileLocksExcludeAnotherProcess() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FileLockHolder.class.getName(), dir.toString(), "shared-key")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).isEqualTo("LOCKED shared-key");
            LockManager locks = LockManager.fileLocks(dir);

            assertThatThrownBy(() -> locks.acquire("shared-key", Duration.ofMillis(200)))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("another process");

            in.write("release\n");
            in.flush();
            try (IsolationLock lock = locks.acquire("shared-key", Duration.ofSeconds(30))) {
                assertThat(lock.key()).isEqualTo("shared-key");
            }
            assertThat(out.readLine()).isEqualTo("RELEASED");
        } finally {
            holder.destroy();
        }
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
