package dev.weir.cli.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The job variables of one run: the defaults of the pool's base job template ({@code
 * variables.properties.<name>.default}) overridden by the deployment's {@code jobVariables}.
 */
record JobVariables(Map<String, JsonNode> values) {

    static JobVariables of(JsonNode pool, JsonNode deployment) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        JsonNode properties = pool.path("baseJobTemplate").path("variables").path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (property.getValue().has("default")) {
                values.put(property.getKey(), property.getValue().get("default"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = deployment.path("jobVariables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            values.put(variable.getKey(), variable.getValue());
        }
        return new JobVariables(Map.copyOf(values));
    }

    /** The text variable {@code name}, if set as text. */
    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /** The {@code env} variable: more environment for the child, text values only. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = values.get("env");
        if (node != null) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    env.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return env;
    }
}
