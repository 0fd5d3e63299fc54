package dev.weir.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.Ids;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrintingOrchestratorTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00.125Z");
    private static final String AT = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .format(LocalTime.ofInstant(T0, ZoneId.systemDefault()));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final InMemoryOrchestrator memory = InMemoryOrchestrator.create(InstantSource.fixed(T0));
    private final dev.weir.orchestrator.Orchestrator printing =
            Orchestrators.printing(memory, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void printsTheCreationAndEveryStateTheRunEnters() {
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), "brave-otter", "etl", null, Map.of(), List.of(), null,
                new RetryPolicy(1, 30), State.pending(T0));

        printing.createFlowRun(create);
        printing.setFlowRunState(create.id(), State.running(T0));
        printing.setFlowRunState(create.id(), State.failed(T0, "boom"));

        assertThat(lines()).hasSize(3).startsWith(
                AT + " | Flow run 'brave-otter' (etl) created in state Pending()",
                AT + " | Flow run 'brave-otter' (etl) entered Running()");
        assertThat(lines().get(2)).startsWith(AT + " | Flow run 'brave-otter' (etl) entered AwaitingRetry(");
    }

    @Test
    void printsNothingForAProposalThatLeavesTheRunWhereItWas() {
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), "calm-heron", "etl", null, Map.of(), List.of(), null,
                null, State.scheduled(T0, T0.plusSeconds(60)));
        printing.createFlowRun(create);

        printing.setFlowRunState(create.id(), State.running(T0));

        assertThat(lines()).containsExactly(AT + " | Flow run 'calm-heron' (etl) created in state Scheduled()");
    }

    @Test
    void passesRecordsOnUntouched() {
        FlowRunCreate create = new FlowRunCreate(Ids.newId(), "brave-otter", "etl", null, Map.of(), List.of(), null,
                null, State.pending(T0));
        printing.createFlowRun(create);
        printing.recordTaskRun(Records.aTaskRun("extract", create.id(), State.running(T0)));
        printing.recordLogs(List.of(Records.aLog(create.id(), "hello")));

        assertThat(memory.taskRuns(create.id())).extracting(t -> t.name()).containsExactly("extract");
        assertThat(memory.logs(create.id())).extracting(l -> l.message()).containsExactly("hello");
    }
}
