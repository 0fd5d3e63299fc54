package dev.weir.examples;

import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table of every flow run recorded, each followed by its task runs; a subflow's run is printed
 * under the placeholder task run that links it to its parent.
 */
final class RunSummary {

    /** Where the recorded runs are read from: the server's database, or an in-memory orchestrator. */
    interface Source {
        List<FlowRun> flowRuns();

        List<TaskRun> taskRuns(UUID flowRunId);
    }

    private static final String ROW = "%-28s %-18s %-22s %4s %10s%n";

    private final Source orchestrator;
    private final Map<UUID, FlowRun> childrenByPlaceholder;

    private RunSummary(Source orchestrator) {
        this.orchestrator = orchestrator;
        this.childrenByPlaceholder = orchestrator.flowRuns().stream()
                .filter(run -> run.parentTaskRunId() != null)
                .collect(Collectors.toMap(FlowRun::parentTaskRunId, Function.identity()));
    }

    static void print(Source orchestrator, PrintStream out) {
        RunSummary summary = new RunSummary(orchestrator);
        out.printf(Locale.ROOT, ROW, "FLOW RUN / task run", "FLOW", "STATE", "RUNS", "DURATION");
        for (FlowRun run : orchestrator.flowRuns()) {
            if (run.parentTaskRunId() == null) {
                summary.printRun(run, "", out);
            }
        }
        List<TaskRun> outside = orchestrator.taskRuns(null);
        if (!outside.isEmpty()) {
            out.println("task runs outside any flow:");
            outside.forEach(task -> summary.printTask(task, "  ", out));
        }
    }

    private void printRun(FlowRun run, String indent, PrintStream out) {
        out.printf(Locale.ROOT, ROW, clip(indent + run.name(), 28), clip(run.flowName(), 18), state(run.state()),
                run.runCount(), seconds(run.totalRunTime()));
        for (TaskRun task : orchestrator.taskRuns(run.id())) {
            printTask(task, indent + "  ", out);
            FlowRun child = childrenByPlaceholder.get(task.id());
            if (child != null) {
                printRun(child, indent + "    ", out);
            }
        }
    }

    private void printTask(TaskRun task, String indent, PrintStream out) {
        out.printf(Locale.ROOT, ROW, clip(indent + task.name(), 28), "", state(task.state()), task.runCount(),
                seconds(task.totalRunTime()));
    }

    private static String state(State state) {
        return clip(state.type().isFinal() && state.name().equals(State.defaultName(state.type()))
                ? state.name() : state.name() + " (" + state.type() + ")", 22);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
