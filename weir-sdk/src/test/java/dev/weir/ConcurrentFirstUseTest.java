package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A flow class used for the first time by several threads at once gets one generated subclass, used by all. */
class ConcurrentFirstUseTest {

    public static class FreshFlows {
        @Flow(name = "fresh")
        int fresh() {
            return 7;
        }
    }

    @Test
    void threadsThatFirstUseAFlowClassTogetherAllGetAWorkingInstance() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (WeirRuntime weir = Weir.configure(c -> {});
                ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return weir.flows(FreshFlows.class).fresh();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(7);
            }
        }
    }
}
