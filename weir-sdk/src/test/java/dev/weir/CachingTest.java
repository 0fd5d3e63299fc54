package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.cache.CacheIsolation;
import dev.weir.cache.CacheKeyPart;
import dev.weir.cache.TaskInputHash;
import dev.weir.result.Persistence;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import dev.weir.state.StateType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingTest {

    @TempDir
    Path storage;

    private Runs runs;

    @BeforeEach
    void open() {
        runs = new Runs(storage);
    }

    @AfterEach
    void close() {
        runs.close();
    }

    public record Trip(String id, double fare) {}

    public static class Etl {
        static final AtomicInteger FETCHES = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger flaky = new AtomicInteger();

        @Task(cacheKeyFn = TaskInputHash.class, cacheExpiration = "P1D")
        List<Trip> fetch(String url) {
            calls.incrementAndGet();
            FETCHES.incrementAndGet();
            return List.of(new Trip(url + "-1", 12.5), new Trip(url + "-2", 7.25));
        }

        @Task(cachePolicy = CacheKeyPart.INPUTS, refreshCache = true)
        int refreshed(int x) {
            calls.incrementAndGet();
            return x;
        }

        @Task
        int step(String name) {
            calls.incrementAndGet();
            return name.length();
        }

        @Task
        int sometimesFails(String name) {
            if (flaky.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return name.length() * 10;
        }

        @Task(cachePolicy = CacheKeyPart.INPUTS)
        int readsStream(InputStream in) {
            calls.incrementAndGet();
            return 1;
        }

        @Task(persistResult = Persistence.ON)
        Object unwritable() {
            return new SelfReferencing();
        }

        @Task(cachePolicy = CacheKeyPart.NONE)
        int neverCached(int x) {
            calls.incrementAndGet();
            return x;
        }

        @Task(cachePolicy = CacheKeyPart.INPUTS, cacheIsolation = CacheIsolation.SERIALIZABLE)
        int exclusive(String key) throws InterruptedException {
            calls.incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(100);
            return key.length();
        }

        @Flow
        List<Trip> load(String url) {
            return fetch(url);
        }

        @Flow(persistResult = Persistence.ON)
        int twiceInOneRun() {
            return step("a") + step("a");
        }

        @Flow(persistResult = Persistence.ON, retries = 1)
        int resumable() {
            return step("abc") + sometimesFails("abc");
        }

        @Flow
        int refreshTwice() {
            return refreshed(1) + refreshed(1);
        }

        @Flow
        int stream() {
            return readsStream(new ByteArrayInputStream(new byte[0])) + readsStream(new ByteArrayInputStream(new byte[0]));
        }

        @Flow
        Object unwritableFlow() {
            return unwritable();
        }

        @Flow(persistResult = Persistence.ON)
        int none() {
            return neverCached(1) + neverCached(1);
        }

        @Flow
        int concurrent() {
            TaskFuture<Integer> a = Weir.submit(this::exclusive, "same");
            TaskFuture<Integer> b = Weir.submit(this::exclusive, "same");
            return a.result() + b.result();
        }
    }

    /** A value Jackson refuses to write: its only property is itself. */
    public static class SelfReferencing {
        public SelfReferencing getSelf() {
            return this;
        }
    }

    public static class BadExpiration {
        @Task(cacheExpiration = "one day")
        public int task() {
            return 1;
        }
    }

    private List<TaskRun> allTaskRuns() {
        return runs.orchestrator.flowRuns().stream().flatMap(r -> runs.taskRuns(r).stream()).toList();
    }

    @Test
    void aCachedTaskIsNotRecomputedAcrossFlowRunsAndEndsCached() {
        Etl etl = runs.flows(Etl.class);

        List<Trip> first = etl.load("yellow");
        List<Trip> second = etl.load("yellow");

        assertThat(second).isEqualTo(first).first().isInstanceOf(Trip.class);
        assertThat(etl.calls).hasValue(1);
        assertThat(allTaskRuns()).extracting(t -> t.state().name()).containsExactly(State.COMPLETED, State.CACHED);
        TaskRun cached = allTaskRuns().get(1);
        assertThat(cached.state().type()).isEqualTo(StateType.COMPLETED);
        assertThat(cached.runCount()).isZero();
        assertThat(cached.state().details().cacheKey()).isNotBlank();
        assertThat(cached.state().details().cacheExpiration()).isNotNull();
    }

    @Test
    void differentInputsAreComputedSeparately() {
        Etl etl = runs.flows(Etl.class);

        etl.load("yellow");
        etl.load("green");

        assertThat(etl.calls).hasValue(2);
    }

    @Test
    void anExpiredEntryIsRecomputed() {
        Etl etl = runs.flows(Etl.class);
        etl.load("yellow");

        runs.time.sleep(Duration.ofDays(1).plusSeconds(1));
        etl.load("yellow");

        assertThat(etl.calls).hasValue(2);
    }

    @Test
    void aHitWorksAcrossRuntimesThatShareTheStorage() {
        runs.flows(Etl.class).load("yellow");
        try (Runs other = new Runs(storage)) {
            Etl etl = other.flows(Etl.class);
            assertThat(etl.load("yellow")).hasSize(2);
            assertThat(etl.calls).hasValue(0);
        }
    }

    @Test
    void aHitWorksAcrossJvmProcessesThatShareTheStorage() throws Exception {
        Etl.FETCHES.set(0);
        runs.flows(Etl.class).load("blue");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), CachedInAnotherProcess.class.getName(), storage.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("fetches=0", "state=Cached");
    }

    @Test
    void refreshCacheRecomputesAndOverwrites() {
        Etl etl = runs.flows(Etl.class);

        etl.refreshTwice();

        assertThat(etl.calls).hasValue(2);
    }

    @Test
    void theDefaultPolicyReusesResultsWithinOneRunOnlyWhenPersisted() {
        Etl etl = runs.flows(Etl.class);

        etl.twiceInOneRun();
        etl.twiceInOneRun();

        assertThat(etl.calls).as("cached in each run, recomputed in the next").hasValue(2);
    }

    @Test
    void aFlowRetryResumesWithoutRedoingCompletedTasks() {
        Etl etl = runs.flows(Etl.class);

        assertThat(etl.resumable()).isEqualTo(33);

        FlowRun run = runs.onlyFlowRun();
        assertThat(run.runCount()).isEqualTo(2);
        assertThat(etl.calls).as("step ran once; the retry found it cached").hasValue(1);
        assertThat(runs.taskRuns(run)).extracting(t -> t.name() + ":" + t.state().name())
                .containsExactly("step-0:Completed", "sometimesFails-1:Failed", "step-2:Cached", "sometimesFails-3:Completed");
    }

    @Test
    void anUnhashableArgumentTurnsCachingOffForTheCallWithAWarningNamingIt() {
        Etl etl = runs.flows(Etl.class);

        assertThat(etl.stream()).isEqualTo(2);

        assertThat(etl.calls).hasValue(2);
        assertThat(runs.logMessages(runs.onlyFlowRun()))
                .filteredOn(m -> m.contains("cannot be hashed"))
                .hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("Argument 'in'"));
    }

    @Test
    void aResultTheSerializerCannotWriteFailsTheTaskNamingTheType() {
        Etl etl = runs.flows(Etl.class);

        assertThatThrownBy(etl::unwritableFlow).isInstanceOf(FlowRunException.class);
        TaskRun task = runs.taskRuns(runs.onlyFlowRun()).getFirst();
        assertThat(task.state().type()).isEqualTo(StateType.FAILED);
        assertThat(task.state().message()).contains("The result could not be persisted").contains("SelfReferencing");
    }

    @Test
    void theNonePolicyNeitherCachesNorPersists() throws IOException {
        Etl etl = runs.flows(Etl.class);

        etl.none();

        assertThat(etl.calls).hasValue(2);
        String flowResult = runs.onlyFlowRun().state().details().resultKey();
        try (Stream<Path> files = Files.list(storage)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("only the flow's own result, none of its tasks'").containsExactly(flowResult);
        }
    }

    @Test
    void aCorruptResultFileIsAMissNotACrash() throws IOException {
        Etl etl = runs.flows(Etl.class);
        etl.load("yellow");
        String key = allTaskRuns().getFirst().state().details().cacheKey();
        Files.writeString(storage.resolve(key), "{\"metadata\": {\"truncat");

        assertThat(etl.load("yellow")).hasSize(2);

        assertThat(etl.calls).hasValue(2);
    }

    @Test
    void serializableIsolationLetsOnlyOneConcurrentCallCompute() {
        Etl etl = runs.flows(Etl.class);

        assertThat(etl.concurrent()).isEqualTo(8);

        assertThat(etl.calls).hasValue(1);
        assertThat(allTaskRuns()).extracting(t -> t.state().name())
                .containsExactlyInAnyOrder(State.COMPLETED, State.CACHED);
    }

    @Test
    void aPersistedFlowAndItsTasksNameWhereTheirResultsAreStored() {
        Etl etl = runs.flows(Etl.class);

        assertThat(etl.twiceInOneRun()).isEqualTo(2);

        FlowRun run = runs.onlyFlowRun();
        String flowKey = run.state().details().resultKey();
        assertThat(flowKey).isNotBlank();
        dev.weir.result.ResultStore store = dev.weir.result.ResultStore.create(
                dev.weir.result.ResultStorage.localFileSystem(storage), runs.time);
        assertThat(store.read(flowKey)).contains(2);
        TaskRun first = runs.taskRuns(run).getFirst();
        assertThat(store.read(first.state().details().resultKey())).contains(1);
    }

    @Test
    void anUnparseableExpirationIsRejectedNamingTheMethodAndValue() {
        assertThatThrownBy(() -> runs.flows(BadExpiration.class))
                .isInstanceOf(FlowDefinitionException.class)
                .hasMessageContaining("BadExpiration.task(...) has cacheExpiration 'one day'")
                .hasMessageContaining("ISO-8601");
    }

    /** Runs the cached flow in a second JVM over the same storage and prints what happened. */
    public static final class CachedInAnotherProcess {
        public static void main(String[] args) {
            try (Runs other = new Runs(Path.of(args[0]))) {
                Etl etl = other.flows(Etl.class);
                etl.load("blue");
                TaskRun task = other.taskRuns(other.onlyFlowRun()).getFirst();
                System.out.println("fetches=" + Etl.FETCHES.get() + " state=" + task.state().name());
            }
        }
    }
}
