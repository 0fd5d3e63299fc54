package dev.weir.examples;

import dev.weir.Flow;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subflows: a parent flow that calls the {@link TaxiEtl} flow once per month, as the zoomcamp's
 * {@code etl_parent_flow(months, year, color)} does. Each call is a child flow run of its own, linked
 * to the parent through a placeholder task run in the parent; the parent waits for each child.
 *
 * <pre>{@code
 * ParentFlow parent = ParentFlow.create(weir);
 * List<Path> summaries = parent.etlParentFlow(List.of(1, 2, 3), 2021, "yellow");
 * }</pre>
 *
 * <p>A flow calls flows of another class through an orchestrated instance of that class from the
 * same runtime, which {@link #create} sets here; a plain {@code new TaxiEtl()} would run the month
 * without orchestration.
 */
public class ParentFlow {

    TaxiEtl etl;

    /** An orchestrated parent whose subflows run on the same runtime. */
    static ParentFlow create(WeirRuntime weir) {
        ParentFlow parent = weir.flows(ParentFlow.class);
        parent.etl = weir.flows(TaxiEtl.class);
        return parent;
    }

    @Flow(name = "etl-parent-flow", flowRunName = "{color}-{year}-parent")
    List<Path> etlParentFlow(List<Integer> months, int year, String color) throws IOException {
        List<Path> summaries = new ArrayList<>();
        for (int month : months) {
            summaries.add(etl.etlWebToLocal(color, year, month));
        }
        Weir.logger().info("Loaded {} months of {} taxi data for {}", months.size(), color, year);
        return summaries;
    }

    static String run(WeirRuntime weir) throws IOException {
        List<Path> summaries = create(weir).etlParentFlow(List.of(1, 2, 3), 2021, "green");
        Check.that(summaries.size() == 3, "expected three summaries, got " + summaries);
        InMemoryOrchestrator orchestrator = (InMemoryOrchestrator) weir.orchestrator();
        FlowRun parent = orchestrator.flowRuns().stream()
                .filter(r -> r.flowName().equals("etl-parent-flow")).reduce((a, b) -> b).orElseThrow();
        Set<Object> placeholders = orchestrator.taskRuns(parent.id()).stream().map(TaskRun::id).collect(Collectors.toSet());
        List<String> children = orchestrator.flowRuns().stream()
                .filter(r -> placeholders.contains(r.parentTaskRunId())).map(FlowRun::name).toList();
        Check.that(children.equals(List.of("green-2021-01", "green-2021-02", "green-2021-03")),
                "the parent's child runs should be the three months, got " + children);
        return "child runs " + children + " linked to " + parent.name();
    }

    public static void main(String[] args) throws IOException {
        try (WeirRuntime weir = Weir.configure(config -> config.orchestrator(Orchestrators.printing(InMemoryOrchestrator.create(), System.out)))) {
            System.out.println(create(weir).etlParentFlow(List.of(1, 2, 3), 2021, "yellow"));
        }
    }
}
