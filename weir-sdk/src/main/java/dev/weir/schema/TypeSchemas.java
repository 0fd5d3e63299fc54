package dev.weir.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns Java types into JSON Schemas, collecting the schemas of records and bean-style classes as
 * definitions referenced by {@code "$ref"}.
 *
 * <p>One instance serves one generated document and is not thread-safe.
 */
final class TypeSchemas {
  private final Definitions definitions = new Definitions();
  private final ObjectSchemas objects = new ObjectSchemas(this);

  /**
   * Returns the schema of a value of {@code type}, with the constraint keywords of {@code
   * annotations} (the value's declaration and type annotations) applied.
   */
  ObjectNode schemaOf(AnnotatedType type, Collection<Annotation> annotations, Bindings bindings) {
    AnnotatedType resolved = bindings.resolve(type);
    if (resolved == null) {
      return Constraints.applied(annotations, JsonNodeFactory.instance.objectNode());
    }
    Class<?> raw = rawClass(resolved.getType());
    if (raw == Optional.class) {
      AnnotatedType element = argument(resolved, 0);
      if (element == null) {
        return Constraints.applied(annotations, JsonNodeFactory.instance.objectNode());
      }
      // Bean Validation unwraps Optional: @Min(1) Optional<Integer> constrains the integer.
      Set<Annotation> inner = new LinkedHashSet<>(annotations);
      inner.addAll(Arrays.asList(element.getAnnotations()));
      return schemaOf(element, inner, bindings);
    }
    return Constraints.applied(annotations, shape(resolved, raw, annotations, bindings));
  }

  /** Returns the definitions collected so far, keyed by their names. */
  ObjectNode definitions() {
    return definitions.all();
  }

  private ObjectNode shape(
      AnnotatedType type, Class<?> raw, Collection<Annotation> outer, Bindings bindings) {
    if (Scalars.of(raw).isPresent()) {
      // Before containers: Path is an Iterable<Path>, byte[] an array, yet both are strings.
      return classSchema(raw, type, bindings);
    }
    if (type instanceof AnnotatedArrayType array) {
      AnnotatedType component = array.getAnnotatedGenericComponentType();
      // javac copies a declaration annotation such as @Size before "String[]" onto the element type.
      List<Annotation> own = new ArrayList<>(Arrays.asList(component.getAnnotations()));
      own.removeAll(outer);
      return arrayOf(schemaOf(component, own, bindings), false);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return mapOf(type, bindings);
    }
    if (Iterable.class.isAssignableFrom(raw)) {
      return arrayOf(element(argument(type, 0), bindings), Set.class.isAssignableFrom(raw));
    }
    return classSchema(raw, type, bindings);
  }

  /** Returns the schema of a class that is neither a container nor an Optional. */
  ObjectNode classSchema(Class<?> raw, AnnotatedType type, Bindings bindings) {
    Optional<ObjectNode> scalar = Scalars.of(raw);
    if (scalar.isPresent()) {
      return scalar.get();
    }
    if (raw.isEnum()) {
      ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "string");
      ArrayNode names = schema.putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      return schema;
    }
    if (raw.isRecord() || (objects.isBean(raw) && !raw.isSealed())) {
      Bindings own = type == null ? Bindings.NONE : Bindings.of(raw, type, bindings);
      String key = Definitions.key(raw, own);
      return definitions.reference(key, Definitions.name(raw, own), () -> objects.of(raw, own));
    }
    if (raw.isSealed()) {
      ObjectNode schema = JsonNodeFactory.instance.objectNode();
      ArrayNode choices = schema.putArray("anyOf");
      for (Class<?> permitted : raw.getPermittedSubclasses()) {
        choices.add(classSchema(permitted, null, Bindings.NONE));
      }
      return schema;
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private ObjectNode mapOf(AnnotatedType type, Bindings bindings) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    AnnotatedType key = argument(type, 0);
    if (key != null) {
      ObjectNode keySchema = element(key, bindings);
      if (keySchema.has("enum") || keySchema.has("format") || keySchema.has("pattern")) {
        schema.set("propertyNames", keySchema);
      }
    }
    schema.set("additionalProperties", element(argument(type, 1), bindings));
    return schema;
  }

  private ObjectNode element(AnnotatedType type, Bindings bindings) {
    if (type == null) {
      return JsonNodeFactory.instance.objectNode();
    }
    return schemaOf(type, Arrays.asList(type.getAnnotations()), bindings);
  }

  private static ObjectNode arrayOf(ObjectNode items, boolean unique) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "array");
    schema.set("items", items);
    if (unique) {
      schema.put("uniqueItems", true);
    }
    return schema;
  }

  private static AnnotatedType argument(AnnotatedType type, int index) {
    if (type instanceof AnnotatedParameterizedType parameterized) {
      AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
      return index < arguments.length ? arguments[index] : null;
    }
    return null;
  }

  /** Returns the class that {@code type} erases to; {@code Object} for variables and wildcards. */
  static Class<?> rawClass(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> rawClass(p.getRawType());
      case GenericArrayType a -> Array.newInstance(rawClass(a.getGenericComponentType()), 0).getClass();
      default -> Object.class;
    };
  }
}
