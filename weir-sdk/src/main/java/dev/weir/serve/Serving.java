package dev.weir.serve;

import dev.weir.WeirRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Deployments being served by this process: registered on the Weir server, their due runs claimed
 * and executed here, each on a virtual thread of its own. Start it with {@link
 * dev.weir.Weir#startServing}, or with {@link #start} on a runtime of your own.
 *
 * <p>A run is claimed through {@code POST /api/deployments/get_scheduled_flow_runs}, which moves it
 * to PENDING through the server's orchestration policy, so two serving processes (or two handles)
 * never run one run twice. Runs of other deployments are never touched. Stopping leaves the
 * deployments and their schedules active on the server (Prefect pauses them; Weir does not): their
 * runs wait, SCHEDULED and then Late, for the next process that serves them.
 *
 * <p>Thread-safe.
 */
public interface Serving extends AutoCloseable {

    /** Runs at once when no limit is given. */
    int DEFAULT_LIMIT = 10;

    /**
     * Registers {@code deployments} with the Weir API of {@code runtime} ({@link
     * dev.weir.WeirConfig#apiUrl}) and starts serving them there, running at most {@code limit} runs at
     * once on {@code runtime}. Returns once every deployment is registered.
     *
     * @throws dev.weir.core.WeirException if the runtime has no API address, the server refuses a
     *     deployment, or a deployment names no {@code @Flow}
     */
    static Serving start(WeirRuntime runtime, int limit, Deployment... deployments) {
        return ServeLoop.start(runtime, limit, Arrays.asList(deployments));
    }

    /** The ids the server gave the deployments, in the order they were given. */
    List<UUID> deploymentIds();

    /** Blocks until serving stops: until {@link #close()} is called on another thread and the runs under way end. */
    void await() throws InterruptedException;

    /**
     * Stops claiming runs (within a few seconds, letting a claim in flight finish so that no claimed
     * run is lost), then waits for the runs already started to end. The deployments and their
     * schedules stay active on the server.
     */
    @Override
    void close();
}
