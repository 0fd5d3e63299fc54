package dev.weir.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code "$defs"} of one document: each described type gets one unique name, and its schema is
 * registered before it is built so that a type referring to itself gets a {@code "$ref"} rather
 * than an endless expansion.
 */
final class Definitions {
  private final ObjectNode all = JsonNodeFactory.instance.objectNode();
  private final Map<String, String> namesByKey = new HashMap<>();

  /**
   * Returns a {@code "$ref"} to the definition identified by {@code key}, building it with {@code
   * schema} under a name derived from {@code preferredName} the first time the key is seen.
   */
  ObjectNode reference(String key, String preferredName, Supplier<ObjectNode> schema) {
    String name = namesByKey.get(key);
    if (name == null) {
      name = unique(preferredName);
      namesByKey.put(key, name);
      ObjectNode placeholder = all.putObject(name);
      placeholder.setAll(schema.get());
    }
    return JsonNodeFactory.instance.objectNode().put("$ref", "#/$defs/" + name);
  }

  ObjectNode all() {
    return all;
  }

  /** Returns the identity of {@code raw} used with {@code bindings}, such as {@code a.Page<b.Row>}. */
  static String key(Class<?> raw, Bindings bindings) {
    List<Type> arguments = arguments(raw, bindings);
    return arguments.isEmpty()
        ? raw.getName()
        : raw.getName()
            + arguments.stream().map(Type::getTypeName).collect(Collectors.joining(",", "<", ">"));
  }

  /** Returns a readable definition name, such as {@code Page_Row} for {@code Page<Row>}. */
  static String name(Class<?> raw, Bindings bindings) {
    StringBuilder name = new StringBuilder(raw.getSimpleName());
    for (Type argument : arguments(raw, bindings)) {
      name.append('_').append(simpleName(argument));
    }
    return name.toString();
  }

  private static List<Type> arguments(Class<?> raw, Bindings bindings) {
    if (bindings.variables().isEmpty()) {
      return List.of();
    }
    List<Type> arguments = new ArrayList<>();
    for (TypeVariable<?> parameter : raw.getTypeParameters()) {
      AnnotatedType argument = bindings.variables().get(parameter);
      arguments.add(argument == null ? Object.class : argument.getType());
    }
    return arguments;
  }

  private static String simpleName(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      StringBuilder name = new StringBuilder(simpleName(parameterized.getRawType()));
      for (Type argument : parameterized.getActualTypeArguments()) {
        name.append('_').append(simpleName(argument));
      }
      return name.toString();
    }
    return type instanceof Class<?> c ? c.getSimpleName().replace("[]", "Array") : "Object";
  }

  private String unique(String preferred) {
    String name = preferred;
    for (int suffix = 2; all.has(name); suffix++) {
      name = preferred + "_" + suffix;
    }
    return name;
  }
}
