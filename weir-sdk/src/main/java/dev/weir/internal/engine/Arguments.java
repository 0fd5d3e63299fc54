package dev.weir.internal.engine;

import dev.weir.core.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Arguments of a call by parameter name, and their JSON-ready form for the orchestrator. */
final class Arguments {

    private Arguments() {}

    static Map<String, Object> named(List<String> names, Object[] args) {
        if (args == null || args.length == 0) {
            return Map.of();
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            named.put(i < names.size() ? names.get(i) : "arg" + i, args[i]);
        }
        return Collections.unmodifiableMap(named);
    }

    /** Each value as JSON-ready data; a value Jackson cannot write is shown as its type instead. */
    static Map<String, Object> jsonReady(Map<String, Object> named) {
        Map<String, Object> json = new LinkedHashMap<>();
        named.forEach((name, value) -> {
            try {
                json.put(name, Json.mapper().convertValue(value, Object.class));
            } catch (IllegalArgumentException e) {
                json.put(name, "<" + value.getClass().getName() + ">");
            }
        });
        return json;
    }
}
