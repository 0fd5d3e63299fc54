package dev.weir.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.cli.http.ApiConnection;
import dev.weir.server.store.FlowRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weir flow}: the flows the server has seen runs of. */
@Command(name = "flow", description = "Lists flows.")
final class FlowCommand implements Callable<Integer> {

    private static final TypeReference<List<FlowRecord>> FLOWS = new TypeReference<>() {};

    @Spec
    CommandSpec spec;

    private final Session session;

    FlowCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "ls", description = "Lists flows by name.")
    int ls(@Option(names = "--limit", defaultValue = "200", description = "At most this many (1 to 1000, default ${DEFAULT-VALUE}).")
            int limit) {
        if (limit < 1 || limit > 1000) {
            throw CliException.usage("--limit must be between 1 and 1000, got " + limit);
        }
        try (ApiConnection api = session.connect()) {
            List<FlowRecord> flows = api.client().get("/flows?limit=" + limit, FLOWS);
            if (flows.isEmpty()) {
                session.out().println("No flows yet.");
                return 0;
            }
            Table table = new Table("NAME", "ID", "CREATED");
            flows.forEach(flow -> table.row(flow.name(), flow.id().toString(), Formats.time(flow.created())));
            table.print(session.out());
            return 0;
        }
    }
}
