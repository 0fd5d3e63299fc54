package dev.weir.server.store;

import java.util.Objects;

/** What {@link WorkQueueStore#upsert} writes; a null priority means one below the pool's lowest. */
public record NewWorkQueue(String name, Integer priority, Integer concurrencyLimit, boolean paused) {

    public NewWorkQueue {
        Objects.requireNonNull(name, "name");
    }
}
