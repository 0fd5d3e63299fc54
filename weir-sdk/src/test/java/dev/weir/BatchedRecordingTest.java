package dev.weir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.client.BatchingOptions;
import dev.weir.client.BatchingOrchestrator;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flows recorded through a batching orchestrator: nothing is missing by the time a flow returns. */
class BatchedRecordingTest {

    private final VirtualTime time = new VirtualTime();
    private final InMemoryOrchestrator memory = InMemoryOrchestrator.create(time);
    private final BatchingOrchestrator batching = Orchestrators.batching(memory,
            BatchingOptions.ofDefaults().withFlushInterval(Duration.ofHours(1)));
    private final WeirRuntime weir = Weir.configure(c -> c.orchestrator(batching).clock(time).sleeper(time));

    @AfterEach
    void close() {
        weir.close();
    }

    @Test
    void everyTaskRunIsRecordedInItsFinalStateWhenTheFlowReturns() {
        FlowRunsTest.Numbers numbers = weir.flows(FlowRunsTest.Numbers.class);

        assertThat(numbers.sum(10, LocalDate.of(2026, 3, 4))).isEqualTo(13);

        FlowRun run = memory.flowRuns().getFirst();
        assertThat(run.state().type()).isEqualTo(StateType.COMPLETED);
        List<TaskRun> tasks = memory.taskRuns(run.id());
        assertThat(tasks).extracting(TaskRun::name).containsExactly("add-0", "add-1");
        assertThat(tasks).allSatisfy(task -> assertThat(memory.taskRunStates(task.id()))
                .extracting(state -> state.name()).containsExactly("Pending", "Running", "Completed"));
    }

    @Test
    void theSubflowsPlaceholderTaskRunsAreRecordedCompletedWhenTheParentReturns() {
        FlowRunsTest.Numbers numbers = weir.flows(FlowRunsTest.Numbers.class);

        assertThat(numbers.parent()).isEqualTo(22);

        FlowRun parent = memory.flowRuns().getFirst();
        List<FlowRun> children = memory.flowRuns().subList(1, 3);
        List<TaskRun> placeholders = memory.taskRuns(parent.id());
        assertThat(placeholders).extracting(TaskRun::id)
                .containsExactlyElementsOf(children.stream().map(FlowRun::parentTaskRunId).toList());
        assertThat(placeholders).allSatisfy(task -> assertThat(task.state().type()).isEqualTo(StateType.COMPLETED));
        assertThat(batching.failedTaskRuns()).isZero();
    }
}
