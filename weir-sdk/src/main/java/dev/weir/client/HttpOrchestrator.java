package dev.weir.client;

import dev.weir.Sleeper;
import dev.weir.api.SetStateRequest;
import dev.weir.api.SetStateResponse;
import dev.weir.core.Ids;
import dev.weir.core.WeirException;
import dev.weir.orchestrator.FlowRunCreate;
import dev.weir.orchestrator.Orchestrator;
import dev.weir.orchestrator.StateDecision;
import dev.weir.run.FlowRun;
import dev.weir.run.RunLog;
import dev.weir.run.TaskRun;
import dev.weir.state.State;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records runs through the Weir server's REST API.
 *
 * <p>Every call blocks until the server answered. Connection failures, timeouts and the answers 408,
 * 429, 502, 503 and 504 are retried up to five times, waiting 2 s, 4 s, 8 s, 16 s, 32 s (plus up to 20%
 * jitter) or as long as the server's {@code Retry-After} says. Retries are safe: a flow-run create carries
 * the id the client chose (also sent as the {@code Idempotency-Key} header), and every proposed state
 * carries a transition id in its {@link dev.weir.state.StateDetails details}, generated here when the
 * state has none, so the server applies it at most once. Other refusals throw {@link ApiException} at
 * once; an unreachable server throws {@link WeirException} once the retries have run out.
 *
 * <p>Task runs and log lines are sent as they are recorded, one request each; wrap this orchestrator in
 * {@link Orchestrators#batching} to send them in batches from a background thread instead.
 *
 * <p>Thread-safe.
 */
public final class HttpOrchestrator implements Orchestrator {

    /** The environment variable with the API's address, such as {@code http://127.0.0.1:4200/api}. */
    public static final String API_URL = "WEIR_API_URL";

    /** The environment variable with the API key, sent as {@code Authorization: Bearer <key>}. */
    public static final String API_KEY = "WEIR_API_KEY";

    private static final Duration BASE_DELAY = Duration.ofSeconds(1);

    private final ApiClient api;

    HttpOrchestrator(URI apiUrl, Optional<String> apiKey, Sleeper sleeper, Duration baseDelay) {
        Backoff backoff = new Backoff(baseDelay, () -> ThreadLocalRandom.current().nextDouble(), InstantSource.system());
        this.api = new ApiClient(ApiUrl.check(apiUrl, "apiUrl"), apiKey, sleeper, backoff);
    }

    /**
     * An orchestrator talking to the API at {@code apiUrl} (such as {@code http://127.0.0.1:4200/api}),
     * authenticating with {@code apiKey} when present.
     *
     * @throws WeirException if {@code apiUrl} is not an http or https URL with a host and a path
     */
    public static HttpOrchestrator create(URI apiUrl, Optional<String> apiKey) {
        return new HttpOrchestrator(Objects.requireNonNull(apiUrl, "apiUrl"), Objects.requireNonNull(apiKey, "apiKey"),
                Sleeper.system(), BASE_DELAY);
    }

    /**
     * An orchestrator for the API named by {@value #API_URL}, with the key in {@value #API_KEY} if set.
     *
     * @throws WeirException if {@value #API_URL} is unset or not of the form {@code http(s)://host:port/api}
     */
    public static HttpOrchestrator fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, reading the variables from {@code environment} instead of the process's. */
    public static HttpOrchestrator fromEnvironment(Map<String, String> environment) {
        String url = environment.get(API_URL);
        if (url == null || url.isBlank()) {
            throw new WeirException(API_URL + " is not set; set it to the address of the Weir API in the form "
                    + ApiUrl.EXPECTED);
        }
        Optional<String> key = Optional.ofNullable(environment.get(API_KEY)).map(String::trim).filter(k -> !k.isEmpty());
        return new HttpOrchestrator(ApiUrl.parse(url, API_URL), key, Sleeper.system(), BASE_DELAY);
    }

    /** The API's base address, without a trailing slash. */
    public URI apiUrl() {
        return api.base();
    }

    @Override
    public FlowRun createFlowRun(FlowRunCreate create) {
        return api.call("POST", "/flow_runs", create, Map.of("Idempotency-Key", create.id().toString()), FlowRun.class);
    }

    /** Proposes {@code proposed}, first giving it a transition id if it has none; retries reuse that id. */
    @Override
    public StateDecision setFlowRunState(UUID flowRunId, State proposed) {
        State state = proposed.details().transitionId() != null
                ? proposed
                : proposed.withDetails(proposed.details().withTransitionId(Ids.newId()));
        return api.call("POST", "/flow_runs/" + flowRunId + "/set_state", new SetStateRequest(state, false), Map.of(),
                SetStateResponse.class).toDecision();
    }

    /** The flow run as the server has it; empty when the server answers 404. */
    @Override
    public Optional<FlowRun> flowRun(UUID flowRunId) {
        try {
            return Optional.of(api.call("GET", "/flow_runs/" + flowRunId, null, Map.of(), FlowRun.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<FlowRun> heartbeat(UUID flowRunId) {
        try {
            return Optional.of(api.call("POST", "/flow_runs/" + flowRunId + "/heartbeat", null, Map.of(), FlowRun.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Object> runInput(UUID flowRunId, String key) {
        try {
            Map<?, ?> answer = api.call("GET", "/flow_runs/" + flowRunId + "/input/"
                    + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"),
                    null, Map.of(), Map.class);
            return Optional.ofNullable(answer.get("value"));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void recordTaskRun(TaskRun taskRun) {
        recordTaskRuns(List.of(taskRun));
    }

    /** Sends the task runs in one request; the server upserts them in order. */
    @Override
    public void recordTaskRuns(List<TaskRun> taskRuns) {
        if (!taskRuns.isEmpty()) {
            api.call("POST", "/task_runs/batch", taskRuns, Map.of(), null);
        }
    }

    @Override
    public void recordLog(RunLog log) {
        recordLogs(List.of(log));
    }

    /** Sends the log lines in one request. */
    @Override
    public void recordLogs(List<RunLog> logs) {
        if (!logs.isEmpty()) {
            api.call("POST", "/logs", logs, Map.of(), null);
        }
    }

    /** Does nothing: every call has been delivered by the time it returns. */
    @Override
    public void flush() {
        // Nothing is held back.
    }

    /** Closes the HTTP client, waiting for requests in flight. */
    @Override
    public void close() {
        api.close();
    }
}
