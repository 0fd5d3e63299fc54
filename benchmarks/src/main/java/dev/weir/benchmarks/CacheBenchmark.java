package dev.weir.benchmarks;

import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.cache.InputHash;
import dev.weir.cache.LockManager;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.result.ResultStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of a cache hit: a task cached on its input ({@code TaskInputHash}, result in a local
 * storage folder) called again and again from a flow, against the same task with persistence off,
 * measured in the same run; and the input hash alone for 1 KB and 1 MB arguments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CacheBenchmark {

    static final int CALLS = 200;

    private Path storage;
    private WeirRuntime weir;
    private CacheWorkload workload;
    private Map<String, Object> oneKilobyte;
    private Map<String, Object> oneMegabyte;

    @Setup(Level.Iteration)
    public void start() throws IOException {
        storage = Files.createTempDirectory("weir-cache-bench");
        weir = Weir.configure(config -> config.orchestrator(InMemoryOrchestrator.create()).logLevel("WARN")
                .resultStorage(ResultStorage.localFileSystem(storage)).lockManager(LockManager.inMemory()));
        workload = weir.flows(CacheWorkload.class);
        workload.cachedCalls(1);
        oneKilobyte = Map.of("data", random(1024));
        oneMegabyte = Map.of("data", random(1024 * 1024));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        weir.close();
        try (var files = Files.walk(storage)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long cacheHit() {
        return workload.cachedCalls(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long noCache() {
        return workload.uncachedCalls(CALLS);
    }

    @Benchmark
    public String hash1KB() {
        return InputHash.of(oneKilobyte).orElseThrow();
    }

    @Benchmark
    public String hash1MB() {
        return InputHash.of(oneMegabyte).orElseThrow();
    }
}
