package dev.weir.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.WorkPoolCreate;
import dev.weir.api.WorkQueueCreate;
import dev.weir.cli.http.ApiConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir work-pool}: create, list, inspect, pause, resume, limit and delete work pools. */
@Command(name = "work-pool", description = "Manages work pools, which workers poll for flow runs.")
final class WorkPoolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Session session;

    WorkPoolCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    static String path(String pool) {
        return "/work_pools/" + URLEncoder.encode(pool, StandardCharsets.UTF_8);
    }

    private int call(Function<ApiConnection, JsonNode> request) {
        try (ApiConnection api = session.connect()) {
            JsonNode answer = request.apply(api);
            if (answer != null && !answer.isNull()) {
                session.out().println(answer.toPrettyString());
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Creates a work pool (with its default queue), or updates the one of that name.")
    int create(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--type", defaultValue = "process", description = "The infrastructure (default ${DEFAULT-VALUE}).")
            String type,
            @Option(names = "--description") String description,
            @Option(names = "--concurrency-limit", paramLabel = "N", description = "At most N pending or running runs.")
            Integer limit) {
        return call(api -> api.client().post("/work_pools", new WorkPoolCreate(name, type, description, null, limit, null)));
    }

    @Command(name = "ls", description = "Lists work pools.")
    int ls() {
        try (ApiConnection api = session.connect()) {
            JsonNode pools = api.client().get("/work_pools");
            if (pools.isEmpty()) {
                session.out().println("No work pools yet; create one with 'weir work-pool create NAME'.");
                return 0;
            }
            Table table = new Table("NAME", "TYPE", "STATUS", "LIMIT", "PAUSED");
            for (JsonNode pool : pools) {
                table.row(pool.path("name").asText(), pool.path("type").asText(), pool.path("status").asText(),
                        pool.path("concurrencyLimit").isNumber() ? pool.get("concurrencyLimit").asText() : "-",
                        pool.path("paused").asBoolean() ? "yes" : "no");
            }
            table.print(session.out());
            return 0;
        }
    }

    @Command(name = "inspect", description = "Prints a work pool with its queues and workers as JSON.")
    int inspect(@Parameters(paramLabel = "NAME") String name) {
        return call(api -> {
            com.fasterxml.jackson.databind.node.ObjectNode view = (com.fasterxml.jackson.databind.node.ObjectNode)
                    api.client().get(path(name));
            view.set("queues", api.client().get(path(name) + "/queues"));
            view.set("workers", api.client().get(path(name) + "/workers"));
            return view;
        });
    }

    @Command(name = "pause", description = "Pauses a work pool: its workers get no runs.")
    int pause(@Parameters(paramLabel = "NAME") String name) {
        return call(api -> api.client().post(path(name) + "/pause", java.util.Map.of()));
    }

    @Command(name = "resume", description = "Resumes a paused work pool.")
    int resume(@Parameters(paramLabel = "NAME") String name) {
        return call(api -> api.client().post(path(name) + "/resume", java.util.Map.of()));
    }

    @Command(name = "set-concurrency-limit", description = "Sets the most pending or running runs the pool may have.")
    int setConcurrencyLimit(@Parameters(index = "0", paramLabel = "NAME") String name,
            @Parameters(index = "1", paramLabel = "LIMIT") int limit) {
        if (limit < 0) {
            throw CliException.usage("LIMIT must be 0 or more, got " + limit);
        }
        return call(api -> {
            JsonNode pool = api.client().get(path(name));
            return api.client().post("/work_pools", new WorkPoolCreate(name, pool.path("type").asText("process"),
                    pool.path("description").isTextual() ? pool.get("description").asText() : null, null, limit, null));
        });
    }

    @Command(name = "delete", description = "Deletes a work pool with its queues and workers.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        return call(api -> {
            api.client().delete(path(name));
            session.out().println("Deleted work pool '" + name + "'.");
            return null;
        });
    }

    /** {@code weir work-queue}: the queues of a work pool. */
    @Command(name = "work-queue", description = "Manages the queues of a work pool.")
    static final class Queues implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        private final Session session;

        Queues(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            return Groups.missing(spec);
        }

        @Command(name = "create", description = "Creates a queue in a pool, or updates the one of that name.")
        int create(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--pool", required = true, paramLabel = "POOL") String pool,
                @Option(names = "--priority", paramLabel = "N", description = "1 is served first; unique in the pool.")
                Integer priority,
                @Option(names = "--concurrency-limit", paramLabel = "N") Integer limit) {
            try (ApiConnection api = session.connect()) {
                session.out().println(api.client().post(path(pool) + "/queues",
                        new WorkQueueCreate(name, priority, limit, null)).toPrettyString());
                return 0;
            }
        }

        @Command(name = "inspect", description = "Prints a queue of a pool as JSON.")
        int inspect(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--pool", required = true, paramLabel = "POOL") String pool) {
            try (ApiConnection api = session.connect()) {
                session.out().println(queue(api, pool, name).toPrettyString());
                return 0;
            }
        }

        @Command(name = "pause", description = "Pauses a queue: workers take no runs from it.")
        int pause(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--pool", required = true, paramLabel = "POOL") String pool) {
            return setPaused(pool, name, true);
        }

        @Command(name = "resume", description = "Resumes a paused queue.")
        int resume(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--pool", required = true, paramLabel = "POOL") String pool) {
            return setPaused(pool, name, false);
        }

        private int setPaused(String pool, String name, boolean paused) {
            try (ApiConnection api = session.connect()) {
                JsonNode queue = queue(api, pool, name);
                Integer limit = queue.path("concurrencyLimit").isNumber() ? queue.get("concurrencyLimit").asInt() : null;
                api.client().post(path(pool) + "/queues",
                        new WorkQueueCreate(name, queue.path("priority").asInt(), limit, paused));
                session.out().println((paused ? "Paused" : "Resumed") + " queue '" + name + "' of work pool '" + pool + "'.");
                return 0;
            }
        }

        private static JsonNode queue(ApiConnection api, String pool, String name) {
            for (JsonNode queue : api.client().get(path(pool) + "/queues")) {
                if (queue.path("name").asText().equals(name)) {
                    return queue;
                }
            }
            throw CliException.failure("Work pool '" + pool + "' has no queue '" + name + "'; see 'weir work-queue ls --pool "
                    + pool + "'");
        }

        @Command(name = "ls", description = "Lists a pool's queues, highest priority first.")
        int ls(@Option(names = "--pool", required = true, paramLabel = "POOL") String pool) {
            try (ApiConnection api = session.connect()) {
                Table table = new Table("NAME", "PRIORITY", "STATUS", "LIMIT");
                for (JsonNode queue : api.client().get(path(pool) + "/queues")) {
                    table.row(queue.path("name").asText(), queue.path("priority").asText(), queue.path("status").asText(),
                            queue.path("concurrencyLimit").isNumber() ? queue.get("concurrencyLimit").asText() : "-");
                }
                table.print(session.out());
                return 0;
            }
        }
    }
}
