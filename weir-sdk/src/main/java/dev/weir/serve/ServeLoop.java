package dev.weir.serve;

import dev.weir.WeirConfig;
import dev.weir.WeirRuntime;
import dev.weir.api.DeploymentCreate;
import dev.weir.client.HttpOrchestrator;
import dev.weir.core.Json;
import dev.weir.core.WeirException;
import dev.weir.internal.engine.Engine;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.run.FlowRun;
import dev.weir.schema.ParameterSchema;
import dev.weir.state.State;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serving, as built: registers the deployments, then one platform thread ({@code weir-serve}) claims
 * due runs as slots free up, and each claimed run executes on a virtual thread of its own through the
 * engine, as a worker's child process would ({@link Engine#runFlowRun(WeirRuntime, FlowRun, Method)}),
 * starting from the run the claim answered rather than reading it again.
 *
 * <p>The claim is a long poll of {@value #POLL_SECONDS} s; closing lets the claim in flight finish
 * rather than abandoning it, since the server may already have moved its runs to PENDING for us.
 */
final class ServeLoop implements Serving {

    private static final Logger LOG = LoggerFactory.getLogger("weir.serve");

    /** How long one claim may be held by the server waiting for a due run. */
    static final int POLL_SECONDS = 2;
    private static final long RETRY_MILLIS = 1000;

    private final WeirRuntime runtime;
    private final ServeApi api;
    private final Map<UUID, Method> flows;
    private final int limit;
    private final Semaphore slots;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread poller;
    private volatile boolean closing;

    private ServeLoop(WeirRuntime runtime, ServeApi api, Map<UUID, Method> flows, int limit) {
        this.runtime = runtime;
        this.api = api;
        this.flows = flows;
        this.limit = limit;
        this.slots = new Semaphore(limit);
        this.poller = Thread.ofPlatform().name("weir-serve").unstarted(this::poll);
    }

    static ServeLoop start(WeirRuntime runtime, int limit, List<Deployment> deployments) {
        if (limit < 1 || limit > 100) {
            throw new WeirException("limit must be from 1 to 100 runs at once, got " + limit);
        }
        if (deployments.isEmpty() || deployments.contains(null)) {
            throw new WeirException("Serving needs one deployment or more, without nulls; got " + deployments);
        }
        WeirConfig config = Engine.config(runtime);
        ServeApi api = new ServeApi(config.apiUrl().orElseThrow(() -> new WeirException("Serving needs a Weir server:"
                + " set " + HttpOrchestrator.API_URL + " to its API, such as http://127.0.0.1:4200/api (start one with"
                + " 'weir server start'), or give the runtime one with WeirConfig.apiUrl")), config.apiKey());
        try {
            Map<UUID, Method> flows = new LinkedHashMap<>();
            StringBuilder served = new StringBuilder();
            for (Deployment deployment : deployments) {
                Method method = deployment.method() != null ? deployment.method()
                        : Engine.flowMethod(runtime, deployment.type(), deployment.flow());
                DeploymentCreate create = create(runtime, deployment, method);
                UUID id = api.register(create);
                if (flows.putIfAbsent(id, method) != null) {
                    throw new WeirException("Deployment " + create.flowName() + "/" + create.name()
                            + " is given twice; give each deployment of a flow its own name");
                }
                served.append(served.isEmpty() ? "" : ", ").append(create.flowName()).append('/').append(create.name());
            }
            ServeLoop loop = new ServeLoop(runtime, api, flows, limit);
            loop.poller.start();
            LOG.info("Serving {} from {}, at most {} runs at once", served, api.base(), limit);
            return loop;
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** The wire form of the deployment: on no work pool, with its schema, schedules replacing the stored ones. */
    private static DeploymentCreate create(WeirRuntime runtime, Deployment deployment, Method method) {
        Engine.FlowInfo flow = Engine.flowInfo(runtime, method);
        @SuppressWarnings("unchecked") // a JSON object converts to a map of names to values
        Map<String, Object> schema = Json.mapper().convertValue(ParameterSchema.of(method), Map.class);
        String description = deployment.description() != null ? deployment.description()
                : flow.description() == null || flow.description().isBlank() ? null : flow.description();
        return new DeploymentCreate(deployment.name() != null ? deployment.name() : flow.name(), flow.name(),
                method.getDeclaringClass().getName() + "#" + method.getName(), null, null, deployment.parameters(),
                schema, null, deployment.tags(), description,
                deployment.version() != null ? deployment.version() : flow.version(), null, null, deployment.schedules(),
                null, flow.retries(), flow.retryDelaySeconds());
    }

    @Override
    public List<UUID> deploymentIds() {
        return List.copyOf(flows.keySet());
    }

    private void poll() {
        try {
            while (!closing) {
                if (!slots.tryAcquire(250, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int free = 1 + slots.drainPermits();
                int started = 0;
                try {
                    for (ServeApi.ClaimedRun run : api.claim(flows.keySet(), free, POLL_SECONDS)) {
                        started++;
                        launch(run);
                    }
                } catch (WeirException e) {
                    LOG.warn("Could not get runs of the served deployments: {}", e.getMessage());
                    Thread.sleep(RETRY_MILLIS);
                } finally {
                    slots.release(free - started);
                }
            }
        } catch (InterruptedException e) {
            // Closing: nothing is claimed any more.
        } finally {
            stopped.countDown();
        }
    }

    private void launch(ServeApi.ClaimedRun run) {
        Thread thread = Thread.ofVirtual().name("weir-serve-run-" + run.id()).unstarted(() -> {
            try {
                execute(run);
            } finally {
                running.remove(Thread.currentThread());
                slots.release();
            }
        });
        running.add(thread);
        thread.start();
    }

    private void execute(ServeApi.ClaimedRun run) {
        Method flow = flows.get(run.deploymentId());
        try {
            State state = Engine.runFlowRun(runtime, run.run(), flow);
            LOG.info("Flow run {} finished in state {}", run.id(), state.name());
        } catch (RuntimeException | Error e) {
            LOG.error("Flow run {} of {}#{} could not be executed: {}", run.id(), flow.getDeclaringClass().getName(),
                    flow.getName(), e.getMessage());
            crashUnlessFinal(run.id(), "The serving process could not execute the flow run: " + e.getMessage());
        }
    }

    private void crashUnlessFinal(UUID id, String message) {
        try {
            Orchestrator orchestrator = runtime.orchestrator();
            boolean done = orchestrator.flowRun(id).map(FlowRun::state).map(s -> s.type().isFinal()).orElse(true);
            if (!done) {
                orchestrator.setFlowRunState(id, State.crashed(Engine.config(runtime).clock().instant(), message));
                orchestrator.flush();
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not mark flow run {} crashed: {}", id, e.getMessage());
        }
    }

    @Override
    public void await() throws InterruptedException {
        stopped.await();
        for (Thread thread : running) {
            thread.join();
        }
    }

    @Override
    public void close() {
        closing = true;
        boolean interrupted = false;
        while (true) {
            try {
                poller.join();
                for (Thread thread : List.copyOf(running)) {
                    thread.join();
                }
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        api.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
