package dev.weir.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Objects;
import java.util.Set;

/**
 * Generates the JSON Schema (draft 2020-12) of a method's parameters, shaped like Prefect's
 * {@code parameter_openapi_schema}.
 *
 * <p>The result is {@code {"type":"object","title":"Parameters","properties":{...},
 * "required":[...],"$defs":{...}}}. Each property carries {@code "title"} (the parameter name) and
 * {@code "position"} (its index). Records and bean-style classes are described once under {@code
 * "$defs"} and referenced with {@code "$ref"}, so recursive types terminate. Jakarta Bean Validation
 * constraints become schema keywords ({@code @Min} becomes {@code "minimum"}, {@code @Size} becomes
 * {@code "maxLength"} or {@code "maxItems"}, and so on).
 *
 * <p>A parameter is required unless its type is {@code Optional} (or {@code OptionalInt} and its
 * kin) or it carries an annotation whose simple name is {@code Nullable}; primitives and parameters
 * annotated {@code @NotNull}, {@code @NotEmpty} or {@code @NotBlank} are always required. Record
 * components follow the same rule. Properties of bean-style classes are required only when primitive
 * or annotated {@code @NotNull}.
 *
 * <p>Parameter names come from {@link Parameter#getName()}: compile with {@code -parameters} to get
 * the source names, otherwise they are {@code arg0}, {@code arg1}, and so on. This class is
 * stateless and thread-safe; every call builds a fresh tree.
 */
public final class ParameterSchema {
  private ParameterSchema() {}

  /**
   * Returns the schema of {@code method}'s parameters as a new, mutable Jackson tree.
   *
   * @throws IllegalArgumentException if a constraint annotation carries a value that cannot be
   *     expressed in the schema, such as a {@code @DecimalMin} that is not a number
   */
  public static ObjectNode of(Method method) {
    Objects.requireNonNull(method, "method");
    TypeSchemas types = new TypeSchemas();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("type", "object");
    root.put("title", "Parameters");
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    Parameter[] parameters = method.getParameters();
    for (int position = 0; position < parameters.length; position++) {
      Parameter parameter = parameters[position];
      Set<Annotation> annotations = Annotations.of(parameter.getAnnotatedType(), parameter);
      ObjectNode schema = types.schemaOf(parameter.getAnnotatedType(), annotations, Bindings.NONE);
      ObjectNode property = Properties.titled(parameter.getName(), annotations, schema);
      property.put("position", position);
      properties.set(parameter.getName(), property);
      if (Requiredness.isRequired(parameter.getType(), annotations, true)) {
        required.add(parameter.getName());
      }
    }
    root.set("$defs", types.definitions());
    return root;
  }

  /**
   * Returns the schema of a record's components, shaped like a method's parameters: an object with a
   * property per component (in order, with its {@code position}), the required ones, and {@code
   * "$defs"}. Used for the typed input a paused flow waits for.
   *
   * @throws IllegalArgumentException if {@code type} is not a record
   */
  public static ObjectNode ofRecord(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record; the input of a pause is a record");
    }
    TypeSchemas types = new TypeSchemas();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("type", "object");
    root.put("title", type.getSimpleName());
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = root.putArray("required");
    java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
    for (int position = 0; position < components.length; position++) {
      java.lang.reflect.RecordComponent component = components[position];
      Set<Annotation> annotations = Annotations.of(component.getAnnotatedType(), component);
      ObjectNode schema = types.schemaOf(component.getAnnotatedType(), annotations, Bindings.NONE);
      ObjectNode property = Properties.titled(component.getName(), annotations, schema);
      property.put("position", position);
      properties.set(component.getName(), property);
      if (Requiredness.isRequired(component.getType(), annotations, true)) {
        required.add(component.getName());
      }
    }
    root.set("$defs", types.definitions());
    return root;
  }

  /**
   * Returns the schema of {@code method}'s parameters as compact JSON text; keys keep a stable
   * order (the order of {@link #of(Method)}), so equal signatures give equal strings.
   */
  public static String toJson(Method method) {
    return of(method).toString();
  }
}
