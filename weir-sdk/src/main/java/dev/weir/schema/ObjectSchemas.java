package dev.weir.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Describes records by their components and other classes by their public getters and fields, as
 * {@code "type":"object"} schemas with {@code "properties"} and {@code "required"}.
 */
final class ObjectSchemas {
  private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.");

  private final TypeSchemas types;

  ObjectSchemas(TypeSchemas types) {
    this.types = types;
  }

  /** A property found on a class: its name, its type and the elements that may annotate it. */
  private record Property(
      String name, Class<?> raw, AnnotatedType type, AnnotatedElement... declarations) {}

  /** Returns whether {@code raw} is a concrete, non-JDK class with at least one public property. */
  boolean isBean(Class<?> raw) {
    return !raw.isInterface()
        && !raw.isArray()
        && !raw.isPrimitive()
        && !raw.isRecord()
        && JDK_PACKAGES.stream().noneMatch(raw.getName()::startsWith)
        && !beanProperties(raw).isEmpty();
  }

  /** Returns the object schema of the record or bean class {@code raw}. */
  ObjectNode of(Class<?> raw, Bindings bindings) {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    schema.put("title", raw.getSimpleName());
    Description description = raw.getAnnotation(Description.class);
    if (description != null) {
      schema.put("description", description.value());
    }
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JsonNodeFactory.instance.arrayNode();
    boolean isRecord = raw.isRecord();
    for (Property property : isRecord ? recordProperties(raw) : beanProperties(raw)) {
      Set<Annotation> annotations = Annotations.of(property.type(), property.declarations());
      ObjectNode value = types.schemaOf(property.type(), annotations, bindings);
      properties.set(property.name(), Properties.titled(property.name(), annotations, value));
      if (Requiredness.isRequired(property.raw(), annotations, isRecord)) {
        required.add(property.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  private static List<Property> recordProperties(Class<?> raw) {
    List<Property> properties = new ArrayList<>();
    for (RecordComponent component : raw.getRecordComponents()) {
      List<AnnotatedElement> declarations = new ArrayList<>(List.of(component));
      declarations.add(component.getAccessor());
      field(raw, component.getName()).ifPresent(declarations::add);
      properties.add(
          new Property(
              component.getName(),
              component.getType(),
              component.getAnnotatedType(),
              declarations.toArray(AnnotatedElement[]::new)));
    }
    return properties;
  }

  /** Returns public getters and public fields, sorted by name; a getter wins over a field. */
  private static List<Property> beanProperties(Class<?> raw) {
    TreeMap<String, Property> byName = new TreeMap<>();
    for (Field field : raw.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        byName.put(
            field.getName(),
            new Property(field.getName(), field.getType(), field.getAnnotatedType(), field));
      }
    }
    Method[] methods = raw.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method method : methods) {
      String name = propertyName(method);
      if (name != null) {
        AnnotatedElement[] declarations =
            field(raw, name).map(f -> new AnnotatedElement[] {method, f})
                .orElse(new AnnotatedElement[] {method});
        byName.put(
            name,
            new Property(name, method.getReturnType(), method.getAnnotatedReturnType(), declarations));
      }
    }
    return List.copyOf(byName.values());
  }

  /** Returns the property a public getter reads ({@code getTotal} reads {@code total}), or null. */
  private static String propertyName(Method method) {
    if (Modifier.isStatic(method.getModifiers())
        || method.isBridge()
        || method.getParameterCount() != 0
        || method.getDeclaringClass() == Object.class
        || method.getReturnType() == void.class) {
      return null;
    }
    String name = method.getName();
    int prefix = name.startsWith("get") ? 3 : name.startsWith("is") && isBoolean(method) ? 2 : 0;
    if (prefix == 0 || name.length() == prefix || !Character.isUpperCase(name.charAt(prefix))) {
      return null;
    }
    return Character.toLowerCase(name.charAt(prefix)) + name.substring(prefix + 1);
  }

  private static boolean isBoolean(Method method) {
    return method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class;
  }

  private static Optional<Field> field(Class<?> raw, String name) {
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return Optional.of(c.getDeclaredField(name));
      } catch (NoSuchFieldException e) {
        // Not declared here; look in the superclass.
      }
    }
    return Optional.empty();
  }
}
