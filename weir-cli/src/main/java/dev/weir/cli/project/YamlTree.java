package dev.weir.cli.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML document read as a Jackson tree that remembers the line of every key and scalar, so that
 * errors can point into the file. Not thread-safe; build one per file.
 */
final class YamlTree {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();
    private final Map<JsonNode, Integer> valueLines = new IdentityHashMap<>();

    private YamlTree(String text, String source) {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            this.root = first == null ? NODES.missingNode() : read(parser);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(source + (e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProjectFileException(source + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static YamlTree parse(String text, String source) {
        return new YamlTree(text, source);
    }

    JsonNode root() {
        return root;
    }

    /** The line of key {@code key} in {@code object}, when known. */
    Optional<Integer> line(JsonNode object, String key) {
        return Optional.ofNullable(keyLines.getOrDefault(object, Map.of()).get(key));
    }

    /** The line of each key of {@code object}, for the keys whose line is known. */
    Map<String, Integer> lines(JsonNode object) {
        return Map.copyOf(keyLines.getOrDefault(object, Map.of()));
    }

    /** The line of a scalar value, when known. */
    Optional<Integer> line(JsonNode value) {
        return Optional.ofNullable(valueLines.get(value));
    }

    private JsonNode read(JsonParser parser) throws IOException {
        int line = parser.currentLocation().getLineNr();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                Map<String, Integer> lines = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    lines.put(key, parser.currentLocation().getLineNr());
                    parser.nextToken();
                    object.set(key, read(parser));
                }
                keyLines.put(object, lines);
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        if (node.isValueNode()) {
            valueLines.put(node, line);
        }
        return node;
    }
}
