package dev.weir.benchmarks;

import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.state.StateType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many no-op tasks per second a flow run gets through when it submits many at once, and the
 * heap that takes: one flow run submits {@code tasks} (100,000 by default) with {@link Weir#submit}
 * and waits for all; a second variant does the same with {@link Weir#map}. Each variant runs 2
 * warm-ups and 5 measured repetitions, each on a new runtime and in-memory orchestrator.
 *
 * <p>Each repetition orchestrates a fresh copy of {@link SubmitWorkload} (see {@link Isolated}), so
 * that the runtimes of earlier repetitions do not stay on the heap.
 *
 * <p>Not JMH: one repetition is a single large operation whose memory matters as much as its
 * time. Peak heap is the sum of the peak usage of each heap memory pool, reset after a GC before
 * each repetition; pools peak at different moments, so the sum is an upper bound. "Retained" is the
 * heap in use after a GC at the end of a repetition, with the orchestrator still reachable: what it
 * keeps of the runs. Meant to run with {@code -Xmx512m} ({@code bin/benchmarks submit} does).
 *
 * <p>Usage: {@code SubmitThroughput [tasks] [logLevel]}.
 */
public final class SubmitThroughput {

    private static final int WARMUPS = 2;
    private static final int REPETITIONS = 5;

    /** What the harness calls on each fresh copy of {@link SubmitWorkload}. */
    public interface Job {
        int submitAll(int n);

        int mapAll(int n);
    }

    private record Measurement(double tasksPerSecond, long peakHeap, long retainedHeap) {}

    private interface Variant {
        int run(Job job, int tasks);
    }

    private SubmitThroughput() {}

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        String logLevel = args.length > 1 ? args[1] : "INFO";
        System.out.printf(Locale.ROOT, "%,d no-op tasks per flow run, log level %s, max heap %d MiB, %d CPUs, Java %s%n",
                tasks, logLevel, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        measure("Weir.submit", Job::submitAll, tasks, logLevel);
        measure("Weir.map", Job::mapAll, tasks, logLevel);
    }

    private static void measure(String name, Variant variant, int tasks, String logLevel) {
        for (int i = 0; i < WARMUPS; i++) {
            once(variant, tasks, logLevel);
        }
        List<Measurement> measured = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
            Measurement m = once(variant, tasks, logLevel);
            measured.add(m);
            System.out.printf(Locale.ROOT, "  %-12s run %d: %,10.0f tasks/s  peak heap %4d MiB  retained %4d MiB%n",
                    name, i + 1, m.tasksPerSecond(), m.peakHeap() >> 20, m.retainedHeap() >> 20);
        }
        double[] rates = measured.stream().mapToDouble(Measurement::tasksPerSecond).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-12s median %,.0f tasks/s (min %,.0f, max %,.0f); peak heap max %d MiB;"
                        + " retained max %d MiB%n",
                name, rates[rates.length / 2], rates[0], rates[rates.length - 1],
                measured.stream().mapToLong(Measurement::peakHeap).max().orElseThrow() >> 20,
                measured.stream().mapToLong(Measurement::retainedHeap).max().orElseThrow() >> 20);
    }

    private static Measurement once(Variant variant, int tasks, String logLevel) {
        InMemoryOrchestrator orchestrator = InMemoryOrchestrator.create();
        try (WeirRuntime weir = Weir.configure(config -> config.orchestrator(orchestrator).logLevel(logLevel))) {
            Job job = weir.flows(Isolated.copyOf(SubmitWorkload.class, Job.class));
            System.gc();
            List<MemoryPoolMXBean> heap = heapPools();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            int done = variant.run(job, tasks);
            long elapsed = System.nanoTime() - start;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            if (done != tasks || orchestrator.flowRuns().getLast().state().type() != StateType.COMPLETED) {
                throw new IllegalStateException("the flow run did not complete all " + tasks + " tasks: " + done);
            }
            System.gc();
            long retained = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
            return new Measurement(tasks / (elapsed / 1e9), peak, retained);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
    }
}
