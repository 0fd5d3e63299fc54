package dev.weir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.DeploymentRunCreate;
import dev.weir.api.LogLine;
import dev.weir.api.LogQuery;
import dev.weir.cli.http.ApiClient;
import dev.weir.cli.http.ApiConnection;
import dev.weir.core.Json;
import dev.weir.run.FlowRun;
import dev.weir.server.store.LogLevel;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir deployment}: lists, inspects, runs, pauses, resumes and deletes deployments. */
@Command(name = "deployment", description = "Lists, inspects, runs, pauses, resumes and deletes deployments.")
final class DeploymentCommand implements Callable<Integer> {

    private static final TypeReference<JsonNode> JSON = new TypeReference<>() {};
    private static final TypeReference<FlowRun> FLOW_RUN = new TypeReference<>() {};
    private static final TypeReference<List<LogLine>> LOG_LINES = new TypeReference<>() {};
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Duration POLL = Duration.ofSeconds(1);

    @Spec
    CommandSpec spec;

    private final Session session;

    DeploymentCommand(Session session) {
        this.session = session;
    }

    /** Adds {@code weir deploy} and {@code weir deployment} (with {@code schedule}) to {@code cli}. */
    static void register(CommandLine cli, Session session) {
        cli.addSubcommand(new CommandLine(new DeployCommand(session)));
        CommandLine deployment = new CommandLine(new DeploymentCommand(session));
        deployment.addSubcommand(new CommandLine(new ScheduleCommand(session)));
        cli.addSubcommand(deployment);
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "ls", description = "Lists deployments as flow/deployment, by flow then name.")
    int ls() {
        try (ApiConnection api = session.connect()) {
            List<JsonNode> all = Deployments.all(api.client());
            if (all.isEmpty()) {
                session.out().println("No deployments; 'weir deploy' creates them from weir.yaml.");
                return 0;
            }
            Table table = new Table("NAME", "ENTRYPOINT", "WORK POOL", "SCHEDULES", "STATUS", "ID");
            all.forEach(d -> table.row(Deployments.qualified(d), d.path("entrypoint").asText(),
                    d.path("workPoolName").asText("-"), String.valueOf(d.path("schedules").size()),
                    d.path("paused").asBoolean() ? "paused" : "ready", d.path("id").asText()));
            table.print(session.out());
            return 0;
        }
    }

    @Command(name = "inspect", description = "Prints a deployment with its schedules as JSON.")
    int inspect(@Parameters(paramLabel = "NAME", description = "flow/deployment, or the deployment's name when unique.")
            String name) {
        try (ApiConnection api = session.connect()) {
            session.out().println(pretty(Deployments.find(api.client(), name)));
            return 0;
        }
    }

    @Command(name = "run", description = "Creates a run of a deployment; --watch follows it until it ends.")
    int run(
            @Parameters(paramLabel = "NAME", description = "flow/deployment, or the deployment's name when unique.") String name,
            @Option(names = "--param", paramLabel = "KEY=VALUE",
                    description = "A parameter (repeatable); the value is read as JSON when it parses, else as text.")
            List<String> params,
            @Option(names = "--params", paramLabel = "JSON", description = "Parameters as a JSON object; --param wins.")
            String paramsJson,
            @Option(names = "--start-in", paramLabel = "AGE", description = "Due after this long: 30s, 10m, 2h, 1d.")
            String startIn,
            @Option(names = "--watch", description = "Follow the run's state and logs until it is final; exit 1 unless Completed.")
            boolean watch) {
        Map<String, Object> parameters = parameters(params, paramsJson);
        Instant now = session.clock().instant();
        Instant due = startIn == null ? null : now.plus(age(startIn));
        try (ApiConnection api = session.connect()) {
            ApiClient client = api.client();
            JsonNode deployment = Deployments.find(client, name);
            FlowRun run = client.post("/deployments/" + deployment.path("id").asText() + "/create_flow_run",
                    new DeploymentRunCreate(parameters.isEmpty() ? null : parameters, null, null, due, null), FLOW_RUN);
            session.out().println("Created flow run '" + run.name() + "' (" + run.id() + ") of "
                    + Deployments.qualified(deployment) + ", due " + Formats.time(due == null ? now : due) + ".");
            return watch ? watch(client, run.id()) : 0;
        }
    }

    private int watch(ApiClient client, UUID id) {
        LogPrinter printer = new LogPrinter(session.out(), LogLevel.TRACE, Map.of());
        String lastState = null;
        int printed = 0;
        while (true) {
            FlowRun run = client.get("/flow_runs/" + id, FLOW_RUN);
            for (List<LogLine> page; !(page = client.post("/logs/filter",
                    new LogQuery(id, null, null, null, null, 1000, printed), LOG_LINES)).isEmpty(); ) {
                page.forEach(printer::print);
                printed += page.size();
            }
            if (!run.state().name().equals(lastState)) {
                lastState = run.state().name();
                session.err().println("Flow run '" + run.name() + "' is " + lastState + ".");
            }
            if (run.state().isFinal()) {
                return run.state().isCompleted() ? 0 : CliException.FAILURE;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliException.failure("Interrupted while watching flow run " + id);
            }
        }
    }

    @Command(name = "pause", description = "Pauses a deployment: no more scheduled runs; unstarted ones are deleted.")
    int pause(@Parameters(paramLabel = "NAME", description = "flow/deployment, or the deployment's name when unique.")
            String name) {
        return setPaused(name, true);
    }

    @Command(name = "resume", description = "Resumes a paused deployment.")
    int resume(@Parameters(paramLabel = "NAME", description = "flow/deployment, or the deployment's name when unique.")
            String name) {
        return setPaused(name, false);
    }

    private int setPaused(String name, boolean paused) {
        try (ApiConnection api = session.connect()) {
            JsonNode deployment = Deployments.find(api.client(), name);
            api.client().post("/deployments/" + deployment.path("id").asText() + (paused ? "/pause" : "/resume"), Map.of(), JSON);
            session.out().println((paused ? "Paused " : "Resumed ") + Deployments.qualified(deployment) + ".");
            return 0;
        }
    }

    @Command(name = "delete", description = "Deletes a deployment with its schedules and unstarted scheduled runs.")
    int delete(@Parameters(paramLabel = "NAME", description = "flow/deployment, or the deployment's name when unique.")
            String name) {
        try (ApiConnection api = session.connect()) {
            JsonNode deployment = Deployments.find(api.client(), name);
            api.client().delete("/deployments/" + deployment.path("id").asText());
            session.out().println("Deleted " + Deployments.qualified(deployment) + ".");
            return 0;
        }
    }

    /** {@code --params} then each {@code --param} over it; values that parse as JSON are JSON, others text. */
    static Map<String, Object> parameters(List<String> params, String paramsJson) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (paramsJson != null) {
            try {
                JsonNode node = Json.mapper().readTree(paramsJson);
                if (node == null || !node.isObject()) {
                    throw CliException.usage("--params must be a JSON object such as '{\"month\": 3}', got " + paramsJson);
                }
                out.putAll(Json.mapper().convertValue(node, new TypeReference<Map<String, Object>>() {}));
            } catch (JsonProcessingException e) {
                throw CliException.usage("--params is not valid JSON (" + e.getOriginalMessage() + "): " + paramsJson);
            }
        }
        for (String param : params == null ? List.<String>of() : params) {
            int eq = param.indexOf('=');
            if (eq < 1) {
                throw CliException.usage("--param must be KEY=VALUE, such as month=3; got '" + param + "'");
            }
            out.put(param.substring(0, eq), value(param.substring(eq + 1)));
        }
        return out;
    }

    private static Object value(String text) {
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    static Duration age(String text) {
        Matcher matcher = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw CliException.usage("--start-in must be an age such as 30s, 10m, 2h or 1d; got '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    static String pretty(JsonNode node) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code weir deployment schedule}: a deployment's schedules. */
    @Command(name = "schedule", description = "Lists, pauses and resumes a deployment's schedules.")
    static final class ScheduleCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final Session session;

        ScheduleCommand(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            return Groups.missing(spec);
        }

        @Command(name = "ls", description = "Lists a deployment's schedules.")
        int ls(@Parameters(paramLabel = "NAME", description = "flow/deployment, or the deployment's name when unique.")
                String name) {
            try (ApiConnection api = session.connect()) {
                JsonNode deployment = Deployments.find(api.client(), name);
                JsonNode schedules = api.client().get("/deployments/" + deployment.path("id").asText() + "/schedules");
                if (schedules.isEmpty()) {
                    session.out().println(Deployments.qualified(deployment) + " has no schedules.");
                    return 0;
                }
                Table table = new Table("#", "ID", "SCHEDULE", "TIMEZONE", "ACTIVE", "PARAMETERS");
                int index = 1;
                for (JsonNode s : schedules) {
                    table.row(String.valueOf(index++), s.path("id").asText(), describe(s.path("schedule")),
                            s.path("schedule").path("timezone").asText("UTC"), s.path("active").asBoolean(true) ? "yes" : "no",
                            s.path("parameters").isEmpty() ? "-" : s.path("parameters").toString());
                }
                table.print(session.out());
                return 0;
            }
        }

        @Command(name = "pause", description = "Pauses one schedule of a deployment: it makes no runs, its unstarted"
                + " ones are deleted; the other schedules are unchanged.")
        int pause(
                @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "flow/deployment, or the name when unique.")
                String name,
                @Parameters(index = "1", paramLabel = "SCHEDULE", description = "The schedule's id, or its # in 'schedule ls'.")
                String schedule) {
            return setActive(name, schedule, false);
        }

        @Command(name = "resume", description = "Resumes a paused schedule of a deployment.")
        int resume(
                @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "flow/deployment, or the name when unique.")
                String name,
                @Parameters(index = "1", paramLabel = "SCHEDULE", description = "The schedule's id, or its # in 'schedule ls'.")
                String schedule) {
            return setActive(name, schedule, true);
        }

        /**
         * Sets the {@code active} flag of one schedule. The API replaces a deployment's schedules as a
         * whole, so this reads them and writes them back with that one flag changed (new ids, same order).
         */
        private int setActive(String name, String schedule, boolean active) {
            try (ApiConnection api = session.connect()) {
                JsonNode deployment = Deployments.find(api.client(), name);
                String path = "/deployments/" + deployment.path("id").asText() + "/schedules";
                JsonNode schedules = api.client().get(path);
                int target = index(schedules, schedule, Deployments.qualified(deployment));
                JsonNode chosen = schedules.get(target);
                String described = "schedule " + (target + 1) + " (" + describe(chosen.path("schedule")) + ") of "
                        + Deployments.qualified(deployment);
                if (chosen.path("active").asBoolean(true) == active) {
                    session.out().println("The " + described + " is already " + (active ? "active" : "paused") + ".");
                    return 0;
                }
                List<Map<String, Object>> replaced = new java.util.ArrayList<>();
                for (int i = 0; i < schedules.size(); i++) {
                    JsonNode s = schedules.get(i);
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("schedule", s.path("schedule"));
                    one.put("active", i == target ? active : s.path("active").asBoolean(true));
                    if (s.hasNonNull("parameters") && !s.path("parameters").isEmpty()) {
                        one.put("parameters", s.path("parameters"));
                    }
                    if (s.hasNonNull("slug")) {
                        one.put("slug", s.path("slug").asText());
                    }
                    replaced.add(one);
                }
                JsonNode written = api.client().put(path, replaced);
                session.out().println((active ? "Resumed the " : "Paused the ") + described
                        + (active ? "" : "; its unstarted runs were deleted") + ". Its id is now "
                        + written.path(target).path("id").asText() + ".");
                return 0;
            }
        }

        /** The position in {@code schedules} of the one {@code wanted} names: an id, or a 1-based #. */
        private static int index(JsonNode schedules, String wanted, String deployment) {
            if (schedules.isEmpty()) {
                throw CliException.failure(deployment + " has no schedules");
            }
            if (wanted.matches("\\d{1,9}")) {
                int number = Integer.parseInt(wanted);
                if (number < 1 || number > schedules.size()) {
                    throw CliException.usage("SCHEDULE # must be between 1 and " + schedules.size() + " for " + deployment
                            + ", got " + wanted + "; 'weir deployment schedule ls' lists them");
                }
                return number - 1;
            }
            for (int i = 0; i < schedules.size(); i++) {
                if (schedules.get(i).path("id").asText().equalsIgnoreCase(wanted)) {
                    return i;
                }
            }
            throw CliException.failure(deployment + " has no schedule '" + wanted + "'; give its id or its # from"
                    + " 'weir deployment schedule ls'");
        }

        private static String describe(JsonNode schedule) {
            String type = schedule.path("type").asText();
            return switch (type) {
                case "cron" -> "cron " + schedule.path("cron").asText();
                case "interval" -> "every " + schedule.path("interval").asText() + " s";
                case "rrule" -> "rrule " + schedule.path("rrule").asText();
                default -> schedule.toString();
            };
        }
    }
}
