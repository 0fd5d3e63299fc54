package dev.weir.examples;

import dev.weir.Flow;
import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.run.FlowRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    UUID lastRunId;
    final List<Optional<UUID>> childParents = new ArrayList<>();

    /** An orchestrated parent whose subflows run on the same runtime. */
    static ParentFlow create(WeirRuntime weir) {
        ParentFlow parent = weir.flows(ParentFlow.class);
        parent.etl = weir.flows(TaxiEtl.class);
        return parent;
    }

    @Flow(name = "etl-parent-flow", flowRunName = "{color}-{year}-parent")
    List<Path> etlParentFlow(List<Integer> months, int year, String color) throws IOException {
        List<Path> summaries = new ArrayList<>();
        lastRunId = Weir.context().flowRun().orElseThrow().id();
        for (int month : months) {
            summaries.add(etl.etlWebToLocal(color, year, month));
            childParents.add(etl.lastParentTaskRunId);
        }
        Weir.logger().info("Loaded {} months of {} taxi data for {}", months.size(), color, year);
        return summaries;
    }

    static String run(WeirRuntime weir) throws IOException {
        ParentFlow parentFlow = create(weir);
        List<Path> summaries = parentFlow.etlParentFlow(List.of(1, 2, 3), 2021, "green");
        Check.that(summaries.size() == 3, "expected three summaries, got " + summaries);
        FlowRun parent = weir.orchestrator().flowRun(parentFlow.lastRunId).orElseThrow();
        Check.that(parent.state().isCompleted(), "the parent run should be Completed, is " + parent.state());
        Check.that(parentFlow.childParents.size() == 3 && parentFlow.childParents.stream().allMatch(Optional::isPresent),
                "each subflow run should know its parent's placeholder task run, got " + parentFlow.childParents);
        List<String> children = summaries.stream().map(path -> path.getFileName().toString()).toList();
        Check.that(children.size() == 3, "expected three child summaries, got " + children);
        return "child runs " + children + " linked to " + parent.name();
    }

    public static void main(String[] args) throws IOException {
        ParentFlow parent = Weir.flows(ParentFlow.class);
        parent.etl = Weir.flows(TaxiEtl.class);
        System.out.println(parent.etlParentFlow(List.of(1, 2, 3), 2021, "yellow"));
    }
}
