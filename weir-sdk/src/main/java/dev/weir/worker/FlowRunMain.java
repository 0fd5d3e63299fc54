package dev.weir.worker;

import dev.weir.core.WeirException;
import dev.weir.internal.engine.Engine;
import dev.weir.state.State;
import java.util.UUID;

/**
 * Executes one existing flow run and exits: {@code java -cp <bundle> dev.weir.worker.FlowRunMain
 * <flow-run-id> <com.acme.Etl#run>}. The run is recorded where the environment says
 * ({@code WEIR_API_URL}, else the local database). Exit code 0 when the run completed, 1 when it ended
 * in another state or could not start (the reason on stderr), 2 for wrong arguments.
 */
public final class FlowRunMain {

    private FlowRunMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: FlowRunMain <flow-run-id> <entrypoint, such as com.acme.Etl#run>");
            return 2;
        }
        UUID id;
        try {
            id = UUID.fromString(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println("error: the flow run id must be a UUID, got '" + args[0] + "'");
            return 2;
        }
        try {
            State state = Engine.runFlowRun(id, args[1]);
            System.err.println("Flow run " + id + " finished in state " + state);
            return state.isCompleted() ? 0 : 1;
        } catch (WeirException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
