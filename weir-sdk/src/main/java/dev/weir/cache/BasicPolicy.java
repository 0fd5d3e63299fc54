package dev.weir.cache;

import java.util.Optional;
import java.util.UUID;

/** The cache policies that need no configuration. */
enum BasicPolicy implements CachePolicy {
    TASK_SOURCE,
    RUN_ID,
    FLOW_PARAMETERS,
    NONE;

    @Override
    public Optional<String> key(CacheKeyContext context) {
        return switch (this) {
            case TASK_SOURCE -> context.taskSourceHash();
            case RUN_ID -> context.runId().map(UUID::toString);
            case FLOW_PARAMETERS -> InputHash.of(context.flowParameters());
            case NONE -> Optional.empty();
        };
    }
}
