package dev.weir.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.util.Collection;

/** Builds the schema of one named property: its title, its description, then its type schema. */
final class Properties {
  private Properties() {}

  /** Returns a new node holding {@code "title"}, any {@code "description"}, then {@code schema}. */
  static ObjectNode titled(String name, Collection<Annotation> annotations, ObjectNode schema) {
    ObjectNode property = JsonNodeFactory.instance.objectNode();
    property.put("title", name);
    Annotations.description(annotations).ifPresent(text -> property.put("description", text));
    property.setAll(schema);
    return property;
  }
}
