package dev.weir.server.store;

import java.util.Map;
import java.util.Objects;

/** What {@link WorkPoolStore#upsert} writes; a null template is stored as an empty object. */
public record NewWorkPool(
        String name, String type, String description, Map<String, Object> baseJobTemplate, Integer concurrencyLimit,
        boolean paused) {

    public NewWorkPool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        baseJobTemplate = baseJobTemplate == null ? Map.of() : baseJobTemplate;
    }
}
