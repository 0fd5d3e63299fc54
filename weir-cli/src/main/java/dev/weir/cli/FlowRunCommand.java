package dev.weir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.api.FlowRunQuery;
import dev.weir.api.LogLine;
import dev.weir.api.LogQuery;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.core.Json;
import dev.weir.run.FlowRun;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.LogLevel;
import dev.weir.state.StateType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir flow-run}: list, inspect, read the logs of, cancel, resume and delete flow runs. */
@Command(name = "flow-run", description = "Lists, inspects, cancels, resumes and deletes flow runs; prints and follows their logs.")
final class FlowRunCommand implements Callable<Integer> {

    private static final TypeReference<List<FlowRun>> FLOW_RUNS = new TypeReference<>() {};
    private static final TypeReference<List<LogLine>> LOG_LINES = new TypeReference<>() {};
    private static final TypeReference<FlowRun> FLOW_RUN = new TypeReference<>() {};
    private static final int LOG_PAGE = 1000;

    @Spec
    CommandSpec spec;

    private final Session session;

    FlowRunCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "ls", description = "Lists flow runs, newest first unless --sort says otherwise.")
    int ls(
            @Option(names = "--state", paramLabel = "STATE", description = "Only runs in this state type (repeatable): ${COMPLETION-CANDIDATES}.")
            List<StateType> states,
            @Option(names = "--flow", paramLabel = "NAME", description = "Only runs of this flow (repeatable).")
            List<String> flows,
            @Option(names = "--since", paramLabel = "TIME", description = "Only runs started since: an age (30m, 2h, 7d) or an ISO time.")
            String since,
            @Option(names = "--limit", defaultValue = "15", description = "At most this many (1 to 1000, default ${DEFAULT-VALUE}).")
            int limit,
            @Option(names = "--sort", paramLabel = "ORDER", description = "One of ${COMPLETION-CANDIDATES}.")
            FlowRunSort sort) {
        if (limit < 1 || limit > 1000) {
            throw CliException.usage("--limit must be between 1 and 1000, got " + limit);
        }
        Instant now = session.clock().instant();
        Instant startAfter = since == null ? null : Formats.since(since, now);
        FlowRunQuery query = new FlowRunQuery(states == null ? List.of() : states, flows == null ? List.of() : flows,
                startAfter, null, null, sort == null ? null : sort.name(), limit, null);
        try (ApiConnection api = session.connect()) {
            List<FlowRun> runs = api.client().post("/flow_runs/filter", query, FLOW_RUNS);
            if (runs.isEmpty()) {
                session.out().println("No flow runs match.");
                return 0;
            }
            Table table = new Table("ID", "NAME", "FLOW", "STATE", "START TIME", "DURATION");
            runs.forEach(run -> table.row(run.id().toString(), run.name(), run.flowName(), run.state().name(),
                    Formats.time(run.startTime()), duration(run, now)));
            table.print(session.out());
            return 0;
        }
    }

    private static String duration(FlowRun run, Instant now) {
        if (run.startTime() == null) {
            return "-";
        }
        if (run.endTime() == null && run.state().type() == StateType.RUNNING) {
            return Formats.duration(Duration.between(run.startTime(), now));
        }
        return Formats.duration(run.totalRunTime());
    }

    @Command(name = "inspect", description = "Prints a flow run with its states and task runs as JSON.")
    int inspect(@Parameters(paramLabel = "ID", description = "The flow run's id.") UUID id) {
        try (ApiConnection api = session.connect()) {
            ApiClient client = api.client();
            ObjectNode view = Json.mapper().createObjectNode();
            view.set("flowRun", client.get("/flow_runs/" + id));
            view.set("states", client.get("/flow_runs/" + id + "/states"));
            view.set("taskRuns", client.get("/flow_runs/" + id + "/task_runs"));
            session.out().println(pretty(view));
            return 0;
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Command(name = "logs", description = "Prints a flow run's log lines as 'time level [task] message'.")
    int logs(
            @Parameters(paramLabel = "ID", description = "The flow run's id.") UUID id,
            @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "TRACE", converter = LogLevelConverter.class,
                    description = "The lowest level shown: TRACE, DEBUG, INFO, WARN or ERROR (default all).")
            LogLevel level,
            @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the run is final.")
            boolean follow) {
        try (ApiConnection api = session.connect()) {
            LogTail tail = new LogTail(api.client(), id);
            FlowRun run = tail.run();
            LogPrinter printer = new LogPrinter(session.out(), level, tail.taskNames());
            if (follow) {
                FlowRun done = tail.follow(printer);
                session.err().println("Flow run '" + done.name() + "' is " + done.state().name() + ".");
                return 0;
            }
            for (int offset = 0; ; offset += LOG_PAGE) {
                List<LogLine> page = api.client().post("/logs/filter",
                        new LogQuery(run.id(), null, level.name(), null, null, LOG_PAGE, offset), LOG_LINES);
                page.forEach(printer::print);
                if (page.size() < LOG_PAGE) {
                    return 0;
                }
            }
        }
    }

    @Command(name = "cancel", description = "Cancels a flow run: Cancelling while its worker stops its processes, else"
            + " Cancelled at once.")
    int cancel(@Parameters(paramLabel = "ID", description = "The flow run's id.") UUID id) {
        try (ApiConnection api = session.connect()) {
            FlowRun run = api.client().get("/flow_runs/" + id, FLOW_RUN);
            String described = "Flow run '" + run.name() + "' (" + id + ")";
            if (run.state().isFinal()) {
                throw CliException.failure(described + " is " + run.state().name() + ", which is final: only a run that"
                        + " has not ended can be cancelled");
            }
            JsonNode answer = api.client().post("/flow_runs/" + id + "/cancel", Map.of());
            boolean stopping = answer.path("state").path("type").asText().equals(StateType.CANCELLING.name());
            return settled(described, answer, "cancelled", stopping ? "; its worker is stopping its processes" : "");
        }
    }

    @Command(name = "resume", description = "Resumes a paused or suspended flow run, with the input it waits for.")
    int resume(
            @Parameters(paramLabel = "ID", description = "The flow run's id.") UUID id,
            @Option(names = "--input", paramLabel = "JSON", description = "The input the run waits for, as a JSON object.")
            String input) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (input != null) {
            try {
                JsonNode node = Json.mapper().readTree(input);
                if (node == null || !node.isObject()) {
                    throw CliException.usage("--input must be a JSON object, such as {\"approved\": true}; got " + input);
                }
                body.put("runInput", node);
            } catch (JsonProcessingException e) {
                throw CliException.usage("--input is not valid JSON (" + e.getOriginalMessage() + "): " + input);
            }
        }
        try (ApiConnection api = session.connect()) {
            FlowRun run = api.client().get("/flow_runs/" + id, FLOW_RUN);
            String described = "Flow run '" + run.name() + "' (" + id + ")";
            if (run.state().type() != StateType.PAUSED) {
                throw CliException.failure(described + " is " + run.state().name() + ": only a Paused or Suspended run"
                        + " can be resumed");
            }
            return settled(described, api.client().post("/flow_runs/" + id + "/resume", body), "resumed", "");
        }
    }

    /** Prints the state an answer {@code {status, state, reason}} leaves the run in; fails unless it was accepted. */
    private int settled(String described, JsonNode answer, String verb, String more) {
        String state = answer.path("state").path("name").asText("?");
        if (!answer.path("status").asText().equals("ACCEPT")) {
            throw CliException.failure(described + " was not " + verb + ": " + answer.path("reason").asText("no reason given")
                    + " (it is " + state + ")");
        }
        session.out().println(described + " is " + state + more + ".");
        return 0;
    }

    @Command(name = "delete", description = "Deletes a flow run with its task runs, states and logs.")
    int delete(
            @Parameters(paramLabel = "ID", description = "The flow run's id.") UUID id,
            @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes) {
        try (ApiConnection api = session.connect()) {
            FlowRun run = api.client().get("/flow_runs/" + id, FLOW_RUN);
            String described = "flow run '" + run.name() + "' (" + id + ") of flow '" + run.flowName() + "'";
            if (!yes) {
                session.out().print("Delete " + described + "? [y/N] ");
                session.out().flush();
                String answer = session.readLine().orElse("").strip().toLowerCase(Locale.ROOT);
                if (!answer.equals("y") && !answer.equals("yes")) {
                    throw CliException.failure("Not deleted; answer 'y' to delete, or pass --yes");
                }
            }
            api.client().delete("/flow_runs/" + id);
            session.out().println("Deleted " + described + ".");
            return 0;
        }
    }
}
