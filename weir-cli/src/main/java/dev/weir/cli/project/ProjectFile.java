package dev.weir.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weir.api.DeploymentScheduleCreate;
import dev.weir.core.Json;
import dev.weir.schedule.Schedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's {@code weir.yaml}: its {@code deployments:} list, read with templates resolved and
 * every key checked. Errors ({@link ProjectFileException}) name the file, the line when known, the
 * key or value at fault and what is accepted.
 *
 * <pre>{@code
 * deployments:
 *   - name: nightly
 *     entrypoint: com.acme.TaxiEtl#etl
 *     classpath: [target/taxi.jar, target/lib/*.jar]
 *     work_pool: { name: local, work_queue_name: default, job_variables: { env: { TZ: UTC } } }
 *     parameters: { color: yellow, year: 2021 }
 *     schedules: [ { cron: "0 9 * * *", timezone: Europe/Berlin }, { interval: 3600 } ]
 *     tags: [taxi]
 * }</pre>
 */
public final class ProjectFile {

    private static final List<String> TOP = List.of("deployments");
    private static final List<String> DEPLOYMENT = List.of("name", "entrypoint", "classpath", "work_pool", "parameters",
            "schedules", "tags", "description", "version", "concurrency_limit", "enforce_parameter_schema");
    private static final List<String> WORK_POOL = List.of("name", "work_queue_name", "job_variables");
    private static final List<String> SCHEDULE = List.of("cron", "interval", "rrule", "anchor_date", "timezone", "active",
            "parameters", "slug");

    private final Path folder;
    private final List<DeploymentSpec> deployments;

    private ProjectFile(Path folder, List<DeploymentSpec> deployments) {
        this.folder = folder;
        this.deployments = List.copyOf(deployments);
    }

    /** Reads {@code file}, resolving {@code {{ $NAME }}} from {@code env}. */
    public static ProjectFile read(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file + " does not exist; write a weir.yaml with a 'deployments:' list,"
                    + " or name another file with --file");
        } catch (IOException e) {
            throw new ProjectFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        return new ProjectFile(folder, new Reader(file.getFileName().toString(), text, env).deployments());
    }

    /** Parses {@code text} as a {@code weir.yaml} in {@code folder}; {@code source} names it in errors. */
    public static ProjectFile parse(String text, String source, Path folder, Map<String, String> env) {
        return new ProjectFile(folder, new Reader(source, text, env).deployments());
    }

    /** The folder the file is in: classpath entries are relative to it. */
    public Path folder() {
        return folder;
    }

    public List<DeploymentSpec> deployments() {
        return deployments;
    }

    /** Reads one file; not thread-safe. */
    private static final class Reader {

        private final String source;
        private final YamlTree tree;
        private final Templates templates;

        Reader(String source, String text, Map<String, String> env) {
            this.source = source;
            this.tree = YamlTree.parse(text, source);
            this.templates = new Templates(env);
        }

        List<DeploymentSpec> deployments() {
            JsonNode root = tree.root();
            if (!root.isObject()) {
                throw error(null, "must be a mapping with a 'deployments:' list");
            }
            checkKeys(root, TOP, "the file");
            JsonNode list = root.get("deployments");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw error(tree.line(root, "deployments").orElse(null), "'deployments' must be a non-empty list");
            }
            List<DeploymentSpec> out = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                DeploymentSpec spec = deployment(list.get(i), "deployments[" + i + "]", tree.line(root, "deployments").orElse(null));
                if (names.contains(spec.name())) {
                    throw error(tree.line(list.get(i), "name").orElse(null), "two deployments are named '" + spec.name() + "'");
                }
                names.add(spec.name());
                out.add(spec);
            }
            return out;
        }

        private DeploymentSpec deployment(JsonNode node, String at, Integer listLine) {
            if (!node.isObject()) {
                throw error(listLine, at + " must be a mapping with name, entrypoint and classpath");
            }
            checkKeys(node, DEPLOYMENT, at);
            ObjectNode d = (ObjectNode) resolve(node);
            String name = requiredText(d, "name", at, "the deployment's name, unique per flow");
            if (name.contains("/")) {
                throw error(tree.line(node, "name").orElse(null), at + ".name must not contain '/', got '" + name + "'");
            }
            String entrypoint = requiredText(d, "entrypoint", at, "the flow method, such as com.acme.TaxiEtl#etl");
            if (!entrypoint.matches("[\\p{L}_$][\\p{L}\\p{N}_$.]*#[\\p{L}_$][\\p{L}\\p{N}_$]*")) {
                throw error(tree.line(node, "entrypoint").orElse(null), at + ".entrypoint must be a class and method"
                        + " such as com.acme.TaxiEtl#etl, got '" + entrypoint + "'");
            }
            List<String> classpath = texts(d, node, "classpath", at);
            if (classpath.isEmpty()) {
                throw error(tree.line(node, "classpath").orElse(tree.line(node, "name").orElse(null)), at
                        + ".classpath is required: the jars and folders of the flow, such as [target/taxi.jar, target/lib/*.jar]");
            }
            String pool = null;
            String queue = null;
            Map<String, Object> jobVariables = Map.of();
            JsonNode workPool = node.get("work_pool");
            if (workPool != null && !workPool.isNull()) {
                if (!workPool.isObject()) {
                    throw error(tree.line(node, "work_pool").orElse(null), at + ".work_pool must be a mapping of "
                            + String.join(", ", WORK_POOL));
                }
                checkKeys(workPool, WORK_POOL, at + ".work_pool");
                JsonNode resolved = d.get("work_pool");
                pool = optionalText(resolved, workPool, "name", at + ".work_pool");
                queue = optionalText(resolved, workPool, "work_queue_name", at + ".work_pool");
                jobVariables = map(resolved, workPool, "job_variables", at + ".work_pool");
            }
            List<DeploymentScheduleCreate> schedules = new ArrayList<>();
            JsonNode list = node.get("schedules");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw error(tree.line(node, "schedules").orElse(null), at + ".schedules must be a list");
                }
                for (int i = 0; i < list.size(); i++) {
                    schedules.add(schedule(list.get(i), d.get("schedules").get(i), at + ".schedules[" + i + "]",
                            tree.line(node, "schedules").orElse(null)));
                }
            }
            Integer limit = null;
            String strategy = null;
            JsonNode limitNode = d.get("concurrency_limit");
            Integer limitLine = tree.line(node, "concurrency_limit").orElse(null);
            if (limitNode != null && limitNode.isObject()) {
                // Prefect's form: { limit: 2, collision_strategy: CANCEL_NEW }
                java.util.Set<String> keys = new java.util.TreeSet<>();
                limitNode.fieldNames().forEachRemaining(keys::add);
                keys.removeAll(java.util.Set.of("limit", "collision_strategy"));
                if (!keys.isEmpty()) {
                    throw error(limitLine, "unknown key '" + keys.iterator().next() + "' in " + at
                            + ".concurrency_limit; accepted: limit, collision_strategy");
                }
                JsonNode strategyNode = limitNode.get("collision_strategy");
                if (strategyNode != null && !strategyNode.isNull()) {
                    strategy = strategyNode.asText();
                    if (!strategy.equals("ENQUEUE") && !strategy.equals("CANCEL_NEW")) {
                        throw error(limitLine, at + ".concurrency_limit.collision_strategy must be ENQUEUE (wait for a"
                                + " free slot) or CANCEL_NEW (cancel the new run); got '" + strategy + "'");
                    }
                }
                limitNode = limitNode.get("limit");
            }
            if (limitNode != null && !limitNode.isNull()) {
                String text = limitNode.asText();
                if (!text.matches("\\d{1,9}")) {
                    throw error(limitLine, at + ".concurrency_limit must be"
                            + " a whole number, 0 or more; got '" + text + "'");
                }
                limit = Integer.parseInt(text);
            }
            Boolean enforce = null;
            JsonNode enforceNode = d.get("enforce_parameter_schema");
            if (enforceNode != null && !enforceNode.isNull()) {
                if (!enforceNode.asText().matches("true|false")) {
                    throw error(tree.line(node, "enforce_parameter_schema").orElse(null), at
                            + ".enforce_parameter_schema must be true or false, got '" + enforceNode.asText() + "'");
                }
                enforce = Boolean.parseBoolean(enforceNode.asText());
            }
            return new DeploymentSpec(name, entrypoint, classpath, pool, queue, jobVariables,
                    map(d, node, "parameters", at), schedules, texts(d, node, "tags", at),
                    optionalText(d, node, "description", at), optionalText(d, node, "version", at), limit, strategy,
                    enforce, source, tree.lines(node));
        }

        private DeploymentScheduleCreate schedule(JsonNode original, JsonNode node, String at, Integer listLine) {
            if (!original.isObject()) {
                throw error(listLine, at + " must be a mapping with one of cron, interval or rrule");
            }
            checkKeys(original, SCHEDULE, at);
            List<String> kinds = new ArrayList<>();
            for (String kind : List.of("cron", "interval", "rrule")) {
                if (node.hasNonNull(kind)) {
                    kinds.add(kind);
                }
            }
            Integer line = tree.line(original, kinds.isEmpty() ? "timezone" : kinds.get(0)).orElse(listLine);
            if (kinds.size() != 1) {
                throw error(line, at + " must have exactly one of cron, interval or rrule; got "
                        + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            }
            String kind = kinds.get(0);
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("type", kind);
            json.set(kind, node.get(kind));
            if (node.hasNonNull("timezone")) {
                json.set("timezone", node.get("timezone"));
            }
            if (node.hasNonNull("anchor_date")) {
                if (!kind.equals("interval")) {
                    throw error(tree.line(original, "anchor_date").orElse(line), at + ".anchor_date belongs to"
                            + " interval schedules only");
                }
                json.set("anchorDate", node.get("anchor_date"));
            }
            Schedule schedule;
            try {
                schedule = Json.mapper().convertValue(json, Schedule.class);
            } catch (IllegalArgumentException e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                throw error(line, at + ": " + cause.getMessage());
            }
            Boolean active = null;
            if (node.hasNonNull("active")) {
                if (!node.get("active").asText().matches("true|false")) {
                    throw error(tree.line(original, "active").orElse(line), at + ".active must be true or false, got '"
                            + node.get("active").asText() + "'");
                }
                active = Boolean.parseBoolean(node.get("active").asText());
            }
            Map<String, Object> parameters = map(node, original, "parameters", at);
            return new DeploymentScheduleCreate(schedule, active, parameters.isEmpty() ? null : parameters,
                    optionalText(node, original, "slug", at));
        }

        /** A copy of {@code node} with the templates of every string resolved. */
        private JsonNode resolve(JsonNode node) {
            if (node.isTextual()) {
                String where = source + tree.line(node).map(line -> " line " + line).orElse("");
                return TextNode.valueOf(templates.resolve(node.textValue(), where));
            }
            if (node.isObject()) {
                ObjectNode copy = JsonNodeFactory.instance.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    copy.set(field.getKey(), resolve(field.getValue()));
                }
                return copy;
            }
            if (node.isArray()) {
                ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                node.forEach(item -> copy.add(resolve(item)));
                return copy;
            }
            return node;
        }

        private void checkKeys(JsonNode object, List<String> accepted, String at) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!accepted.contains(key)) {
                    throw error(tree.line(object, key).orElse(null), "unknown key '" + key + "' in " + at
                            + "; accepted: " + String.join(", ", accepted));
                }
            }
        }

        private String requiredText(JsonNode resolved, String key, String at, String what) {
            JsonNode value = resolved.get(key);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                throw error(null, at + "." + key + " is required: " + what);
            }
            if (!value.isValueNode()) {
                throw error(null, at + "." + key + " must be text, got " + value);
            }
            return value.asText();
        }

        private String optionalText(JsonNode resolved, JsonNode original, String key, String at) {
            JsonNode value = resolved.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isValueNode()) {
                throw error(tree.line(original, key).orElse(null), at + "." + key + " must be text, got " + value);
            }
            return value.asText();
        }

        private List<String> texts(JsonNode resolved, JsonNode original, String key, String at) {
            JsonNode value = resolved.get(key);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (value.isValueNode()) {
                return List.of(value.asText());
            }
            List<String> out = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    throw error(tree.line(original, key).orElse(null), at + "." + key + " must be a list of text, got "
                            + value);
                }
                out.add(item.asText());
            }
            return out;
        }

        private Map<String, Object> map(JsonNode resolved, JsonNode original, String key, String at) {
            JsonNode value = resolved.get(key);
            if (value == null || value.isNull()) {
                return Map.of();
            }
            if (!value.isObject()) {
                throw error(tree.line(original, key).orElse(null), at + "." + key + " must be a mapping, got " + value);
            }
            @SuppressWarnings("unchecked") // An ObjectNode converts to a map of String keys.
            Map<String, Object> map = Json.mapper().convertValue(value, LinkedHashMap.class);
            return map;
        }

        private ProjectFileException error(Integer line, String message) {
            return new ProjectFileException(source + (line == null ? "" : " line " + line) + ": " + message);
        }
    }
}
