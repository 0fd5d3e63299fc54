package dev.weir.cache;

import java.util.List;
import java.util.Optional;

/**
 * The key function Prefect calls {@code task_input_hash}: a SHA-256 over the task key, the task's source
 * hash and the input hash, so a call is reused only by the same task, unchanged, with equal arguments.
 * Empty when an argument is unhashable.
 */
public final class TaskInputHash implements CacheKeyFunction {

    /** Creates the key function; it holds no state. */
    public TaskInputHash() {}

    @Override
    public Optional<String> key(CacheKeyContext context) {
        return InputHash.of(context.arguments())
                .map(inputs -> Sha256.ofParts(List.of(
                        context.taskKey(), context.taskSourceHash().orElse(""), inputs)));
    }
}
