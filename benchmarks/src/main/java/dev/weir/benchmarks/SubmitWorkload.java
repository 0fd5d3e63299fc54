package dev.weir.benchmarks;

import dev.weir.Flow;
import dev.weir.Task;
import dev.weir.TaskFuture;
import dev.weir.Weir;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The flows {@link SubmitThroughput} measures: {@code n} no-op tasks through submit, or through map. */
public class SubmitWorkload implements SubmitThroughput.Job {

    @Task
    int noop(int i) {
        return i;
    }

    @Flow
    @Override
    public int submitAll(int n) {
        List<TaskFuture<Integer>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(Weir.submit(this::noop, i));
        }
        Weir.waitAll(futures);
        return futures.size();
    }

    @Flow
    @Override
    public int mapAll(int n) {
        List<TaskFuture<Integer>> futures = Weir.map(this::noop, IntStream.range(0, n).boxed().toList());
        Weir.waitAll(futures);
        return futures.size();
    }
}
