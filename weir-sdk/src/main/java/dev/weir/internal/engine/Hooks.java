package dev.weir.internal.engine;

import dev.weir.state.State;
import java.util.List;
import org.slf4j.Logger;

/** The hooks of one flow or task, by the moment they are called at. */
record Hooks(List<Hook> onRunning, List<Hook> onCompletion, List<Hook> onFailure, List<Hook> onCancellation,
        List<Hook> onCrashed) {

    static final Hooks NONE = new Hooks(List.of(), List.of(), List.of(), List.of(), List.of());

    /** Calls the hooks that belong to a run's final {@code state}, if the target can take them. */
    void onFinal(Object target, State state, Logger log) {
        if (target == null) {
            return;
        }
        List<Hook> hooks = switch (state.type()) {
            case COMPLETED -> onCompletion;
            case FAILED -> onFailure;
            case CANCELLED -> onCancellation;
            case CRASHED -> onCrashed;
            default -> List.of();
        };
        for (Hook hook : hooks) {
            hook.call(target, state, log);
        }
    }

    void onRunning(Object target, State state, Logger log) {
        if (target == null) {
            return;
        }
        for (Hook hook : onRunning) {
            hook.call(target, state, log);
        }
    }
}
