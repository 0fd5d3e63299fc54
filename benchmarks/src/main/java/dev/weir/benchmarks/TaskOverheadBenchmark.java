package dev.weir.benchmarks;

import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.InMemoryOrchestrator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of calling a no-op {@code @Task} directly (blocking, on the flow's thread) from inside a
 * flow, per call, against a plain method call measured the same way. Each invocation is one flow
 * run making {@value #CALLS} calls, so the flow run's own cost is spread over them equally in both
 * benchmarks and the difference is the task run's overhead.
 *
 * <p>{@code logLevel} INFO is the default: each task run records one "Finished in state Completed()"
 * line; WARN records none. The benchmark classpath has no SLF4J binding, so lines are recorded with
 * the in-memory orchestrator but not printed. Each iteration gets a new runtime, orchestrator and
 * copy of {@link OverheadWorkload} (see {@link Isolated}), so that what the orchestrator keeps does not
 * pile up across iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TaskOverheadBenchmark {

    static final int CALLS = 1000;

    /** What the benchmark calls on each fresh copy of {@link OverheadWorkload}. */
    public interface Job {
        long tasks(int n);

        long plainCalls(int n);
    }

    @Param({"INFO", "WARN"})
    public String logLevel;

    private WeirRuntime weir;
    private Job workload;

    @Setup(Level.Iteration)
    public void startRuntime() {
        weir = Weir.configure(config -> config.orchestrator(InMemoryOrchestrator.create()).logLevel(logLevel));
        workload = weir.flows(Isolated.copyOf(OverheadWorkload.class, Job.class));
    }

    @TearDown(Level.Iteration)
    public void closeRuntime() {
        weir.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long task() {
        return workload.tasks(CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long plainCall() {
        return workload.plainCalls(CALLS);
    }
}
