package dev.weir.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.core.Json;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3.1 document of the API, built from the registered {@link Operation}s. */
final class OpenApiDocument {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApiDocument() {}

    static ObjectNode of(List<Operation> operations, String version) {
        ObjectNode document = Json.mapper().createObjectNode();
        document.put("openapi", "3.1.0");
        document.putObject("info").put("title", "Weir API").put("version", version);
        ObjectNode paths = document.putObject("paths");
        TreeSet<String> schemas = new TreeSet<>();
        for (Operation operation : operations) {
            ObjectNode path = paths.has(operation.path()) ? (ObjectNode) paths.get(operation.path()) : paths.putObject(operation.path());
            ObjectNode op = path.putObject(operation.method().toLowerCase(Locale.ROOT));
            op.put("summary", operation.summary());
            op.put("operationId", operation.method().toLowerCase(Locale.ROOT) + operation.path().replaceAll("[^A-Za-z0-9]+", "_"));
            if (operation.access() != Operation.Access.PUBLIC) {
                op.putArray("security").addObject().putArray("bearer");
            }
            ArrayNode parameters = op.putArray("parameters");
            Matcher matcher = PATH_PARAMETER.matcher(operation.path());
            while (matcher.find()) {
                parameters.addObject().put("name", matcher.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            if (operation.requestBody() != null) {
                op.putObject("requestBody").putObject("content").putObject("application/json")
                        .set("schema", schema(operation.requestBody(), schemas));
            }
            ObjectNode responses = op.putObject("responses");
            if (operation.response() == null) {
                responses.putObject("204").put("description", "Done");
            } else {
                String type = operation.path().endsWith("/stream") ? "text/event-stream" : "application/json";
                responses.putObject("200").put("description", "OK").putObject("content").putObject(type)
                        .set("schema", schema(operation.response(), schemas));
            }
            responses.putObject("4XX").put("description", "Problem").putObject("content")
                    .putObject("application/problem+json").set("schema", schema("Problem", schemas));
        }
        ObjectNode components = document.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode schemaNodes = components.putObject("schemas");
        for (String name : schemas) {
            schemaNodes.putObject(name).put("type", "object").put("description", "Weir's " + name + " record");
        }
        return document;
    }

    private static ObjectNode schema(String type, TreeSet<String> schemas) {
        ObjectNode node = Json.mapper().createObjectNode();
        if (type.endsWith("[]")) {
            String item = type.substring(0, type.length() - 2);
            schemas.add(item);
            node.put("type", "array").putObject("items").put("$ref", "#/components/schemas/" + item);
        } else {
            schemas.add(type);
            node.put("$ref", "#/components/schemas/" + type);
        }
        return node;
    }
}
