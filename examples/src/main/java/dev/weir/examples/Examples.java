package dev.weir.examples;

import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.HttpOrchestrator;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.client.Orchestrators;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.server.ServerConfig;
import dev.weir.server.WeirServer;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunRecord;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.Page;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts a Weir server (SQLite at {@code $WEIR_HOME/weir.db}) on 127.0.0.1:4200, or another free port
 * when that one is taken, runs every example against it through the HTTP API, prints the runs the
 * server recorded, and exits 0 when every example ended as it should (the failures some of them
 * provoke on purpose included), 1 otherwise, 2 for an unknown example name.
 *
 * <p>Usage: {@code bin/examples [--in-memory] [Example ...]}, for instance {@code bin/examples AddNumbers
 * TaxiEtl}; all of them when no name is given. {@code --in-memory} runs without a server.
 */
public final class Examples {

    /** One example: runs its flows on a runtime, checks their outcome and describes it. */
    @FunctionalInterface
    interface Example {
        String run(WeirRuntime weir) throws Exception;
    }

    private static final Map<String, Example> ALL = new LinkedHashMap<>();

    static {
        ALL.put("AddNumbers", AddNumbers::run);
        ALL.put("TaxiEtl", TaxiEtl::run);
        ALL.put("ParallelFlow", ParallelFlow::run);
        ALL.put("ConditionalFlow", ConditionalFlow::run);
        ALL.put("ParentFlow", ParentFlow::run);
    }

    private Examples() {}

    public static void main(String[] args) {
        // Hibernate Validator logs through JBoss Logging; send its start-up line to SLF4J like the rest.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> arguments, PrintStream out) {
        List<String> names = new ArrayList<>(arguments);
        if (names.remove("--in-memory")) {
            InMemoryOrchestrator memory = InMemoryOrchestrator.create();
            return run(names, out, Orchestrators.printing(memory, out), new RunSummary.Source() {
                @Override
                public List<FlowRun> flowRuns() {
                    return memory.flowRuns();
                }

                @Override
                public List<TaskRun> taskRuns(UUID flowRunId) {
                    return memory.taskRuns(flowRunId);
                }
            });
        }
        try (WeirServer server = startServer(out)) {
            Orchestrator http = Orchestrators.batching(HttpOrchestrator.create(server.apiUrl(), Optional.empty()));
            int status = run(names, out, Orchestrators.printing(http, out), new RunSummary.Source() {
                @Override
                public List<FlowRun> flowRuns() {
                    return server.database().flowRuns().list(FlowRunFilter.all(), FlowRunSort.CREATED_ASC, Page.of(1000, 0))
                            .stream().map(FlowRunRecord::run).toList();
                }

                @Override
                public List<TaskRun> taskRuns(UUID flowRunId) {
                    return flowRunId == null ? List.of() : server.database().taskRuns().listByFlowRun(flowRunId);
                }
            });
            out.println();
            out.println("The runs are in the server's database; list them with: bin/weir flow-run ls");
            out.println("API used: " + server.apiUrl() + " (try " + server.apiUrl() + "/openapi.json while a server runs:"
                    + " bin/weir server start)");
            return status;
        }
    }

    private static WeirServer startServer(PrintStream out) {
        ServerConfig config = ServerConfig.defaults().withRetentionDays(30);
        WeirServer server;
        try {
            server = WeirServer.start(config);
        } catch (RuntimeException busy) {
            server = WeirServer.start(config.withPort(0));
        }
        out.println("Weir server listening on " + server.apiUrl() + " (database " + config.databaseUrl() + ")");
        return server;
    }

    private static int run(List<String> names, PrintStream out, Orchestrator orchestrator, RunSummary.Source recorded) {
        List<String> selected = names.isEmpty() ? List.copyOf(ALL.keySet()) : names;
        for (String name : selected) {
            if (!ALL.containsKey(name)) {
                out.println("No example named '" + name + "'; the examples are " + ALL.keySet());
                return 2;
            }
        }
        List<String> outcomes = new ArrayList<>();
        int failures = 0;
        try (WeirRuntime weir = Weir.configure(config -> config.orchestrator(orchestrator))) {
            for (String name : selected) {
                out.println();
                out.println("=== " + name);
                try {
                    outcomes.add(String.format("  ok    %-16s %s", name, ALL.get(name).run(weir)));
                } catch (Exception | AssertionError e) {
                    failures++;
                    outcomes.add(String.format("  FAIL  %-16s %s", name, e));
                    e.printStackTrace(out);
                }
            }
        }
        out.println();
        out.println("=== Runs recorded");
        RunSummary.print(recorded, out);
        out.println();
        out.println("=== Examples");
        outcomes.forEach(out::println);
        out.println(failures == 0 ? "All " + selected.size() + " examples ended as expected."
                : failures + " of " + selected.size() + " examples did not end as expected.");
        return failures == 0 ? 0 : 1;
    }
}
