package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.run.RunLog;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RuntimeLifecycleTest {

    public static class Work {
        @Task
        int noop(int i) {
            return i;
        }

        @Task(logPrints = true)
        int shout() {
            System.out.println("hello");
            return 1;
        }

        @Flow
        int run() {
            return noop(1);
        }

        @Flow
        int loud() {
            return shout();
        }

        @Flow
        int nested() {
            return Weir.flows(Work.class).run();
        }
    }

    @Test
    void aClosedRuntimeAndWhatItRecordedCanBeCollected() {
        WeakReference<InMemoryOrchestrator> reference = runAndClose();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return reference.get() == null;
        });
    }

    private static WeakReference<InMemoryOrchestrator> runAndClose() {
        InMemoryOrchestrator orchestrator = InMemoryOrchestrator.create();
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(orchestrator))) {
            assertThat(weir.flows(Work.class).run()).isEqualTo(1);
        }
        return new WeakReference<>(orchestrator);
    }

    @Test
    void runLogLinesAPrintingLoggerWritesAreNotCapturedAgain() {
        Logger taskRuns = (Logger) LoggerFactory.getLogger("weir");
        Level before = taskRuns.getLevel();
        taskRuns.setLevel(Level.INFO);
        InMemoryOrchestrator orchestrator = InMemoryOrchestrator.create();
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(orchestrator))) {
            weir.flows(Work.class).loud();
        } finally {
            taskRuns.setLevel(before);
        }
        List<String> taskLines = orchestrator.logs().stream().filter(l -> l.taskRunId() != null).map(RunLog::message).toList();
        assertThat(taskLines).containsExactly("hello", "Finished in state Completed()");
    }

    @Test
    void weirFlowsInsideARunUsesThatRunsRuntime() {
        InMemoryOrchestrator orchestrator = InMemoryOrchestrator.create();
        try (WeirRuntime weir = Weir.configure(c -> c.orchestrator(orchestrator))) {
            weir.flows(Work.class).nested();
        }
        assertThat(orchestrator.flowRuns()).extracting(r -> r.flowName()).containsExactly("nested", "run");
    }
}
