package dev.weir.examples;

import dev.weir.Weir;
import dev.weir.WeirRuntime;
import dev.weir.client.InMemoryOrchestrator;
import dev.weir.client.Orchestrators;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every example in order on one runtime, prints what the orchestrator recorded, and exits 0
 * when every example ended as it should (the failures some of them provoke on purpose included), 1
 * otherwise, 2 for an unknown example name.
 *
 * <p>Usage: {@code bin/examples [Example ...]}, for instance {@code bin/examples AddNumbers TaxiEtl};
 * all of them when no name is given.
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

    static int run(List<String> names, PrintStream out) {
        List<String> selected = names.isEmpty() ? List.copyOf(ALL.keySet()) : names;
        for (String name : selected) {
            if (!ALL.containsKey(name)) {
                out.println("No example named '" + name + "'; the examples are " + ALL.keySet());
                return 2;
            }
        }
        InMemoryOrchestrator orchestrator = InMemoryOrchestrator.create();
        List<String> outcomes = new ArrayList<>();
        int failures = 0;
        try (WeirRuntime weir = Weir.configure(config -> config.orchestrator(Orchestrators.printing(orchestrator, out)))) {
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
        out.println("=== Runs recorded by the orchestrator");
        RunSummary.print(orchestrator, out);
        out.println();
        out.println("=== Examples");
        outcomes.forEach(out::println);
        out.println(failures == 0 ? "All " + selected.size() + " examples ended as expected."
                : failures + " of " + selected.size() + " examples did not end as expected.");
        return failures == 0 ? 0 : 1;
    }
}
