package dev.weir.internal.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.weir.FlowPauseException;
import dev.weir.core.Json;
import dev.weir.run.FlowRun;
import dev.weir.schema.ParameterSchema;
import dev.weir.state.PauseDetails;
import dev.weir.state.State;
import dev.weir.state.StateDetails;
import dev.weir.state.StateType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A flow run pausing itself: it proposes Paused (with its timeout, its key and the JSON Schema of the
 * input it waits for), then waits in its process, checking every second, until it is resumed (the
 * run is Running again; its input is read and converted), cancelled, or the timeout passes.
 */
final class Pauses {

    /** How often a paused run looks whether it was resumed. */
    static final Duration POLL = Duration.ofSeconds(1);

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private Pauses() {}

    static <T> T pause(Frame frame, Class<T> inputType, Duration timeout) {
        if (frame == null || frame.flow() == null) {
            throw new FlowPauseException("Weir.pause is called from a flow run; there is none on this thread");
        }
        if (frame.task() != null) {
            throw new FlowPauseException("Weir.pause is called from a flow, not from a task: task '"
                    + frame.task().run().name() + "' called it");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new FlowPauseException("The timeout of a pause must be positive, got " + timeout);
        }
        RuntimeImpl runtime = frame.runtime();
        FlowScope scope = frame.flow();
        String key = scope.nextPauseKey();
        Map<String, Object> schema = inputType == null ? null
                : Json.mapper().convertValue(ParameterSchema.ofRecord(inputType), OBJECT);
        Instant deadline = runtime.clock().instant().plus(timeout);
        State paused = new State(StateType.PAUSED, State.PAUSED,
                inputType == null ? "Paused until resumed" : "Paused for input " + inputType.getSimpleName(),
                runtime.clock().instant(), StateDetails.NONE.withPause(new PauseDetails(deadline, key, schema)));
        State answer = runtime.orchestrator().setFlowRunState(scope.id(), paused).state();
        if (answer.type() != StateType.PAUSED) {
            throw new FlowPauseException("Flow run '" + scope.name() + "' could not pause; it is " + answer.name());
        }
        scope.logger().info("Paused until {}: resume it with 'weir flow-run resume {}'{}", deadline, scope.id(),
                inputType == null ? "" : " --input '{...}' (a " + inputType.getSimpleName() + ")");
        while (true) {
            sleep(runtime);
            if (scope.cancelRequested()) {
                throw new FlowPauseException("Flow run '" + scope.name() + "' was cancelled while paused");
            }
            State current = runtime.orchestrator().flowRun(scope.id()).map(FlowRun::state).orElse(answer);
            switch (current.type()) {
                case RUNNING -> {
                    scope.logger().info("Resumed");
                    return inputType == null ? null : input(runtime, scope, key, inputType);
                }
                case CANCELLING, CANCELLED -> {
                    scope.requestCancel();
                    throw new FlowPauseException("Flow run '" + scope.name() + "' was cancelled while paused");
                }
                case PAUSED -> {
                    if (!runtime.clock().instant().isBefore(deadline)) {
                        throw new FlowPauseException("Flow run '" + scope.name() + "' was not resumed within " + timeout);
                    }
                }
                default -> throw new FlowPauseException("Flow run '" + scope.name() + "' left its pause to "
                        + current.name() + " without being resumed");
            }
        }
    }

    private static <T> T input(RuntimeImpl runtime, FlowScope scope, String key, Class<T> type) {
        Object value = runtime.orchestrator().runInput(scope.id(), key).orElseThrow(() -> new FlowPauseException(
                "Flow run '" + scope.name() + "' was resumed without the " + type.getSimpleName() + " it waits for"));
        try {
            return Json.mapper().convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new FlowPauseException("The input of the resume is not a " + type.getSimpleName() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void sleep(RuntimeImpl runtime) {
        try {
            runtime.sleeper().sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowPauseException("Interrupted while paused");
        }
    }
}
