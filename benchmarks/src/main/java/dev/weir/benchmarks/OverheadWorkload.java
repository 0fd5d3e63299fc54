package dev.weir.benchmarks;

import dev.weir.Flow;
import dev.weir.Task;
import org.openjdk.jmh.annotations.CompilerControl;

/** The flows {@link TaskOverheadBenchmark} measures: one calls a no-op task, the other a plain method, {@code n} times. */
public class OverheadWorkload implements TaskOverheadBenchmark.Job {

    @Task
    int noopTask(int i) {
        return i;
    }

    /** Not a task, and not inlined, so that the baseline pays for a real call. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    int plainMethod(int i) {
        return i;
    }

    @Flow
    @Override
    public long tasks(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += noopTask(i);
        }
        return sum;
    }

    @Flow
    @Override
    public long plainCalls(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += plainMethod(i);
        }
        return sum;
    }
}
