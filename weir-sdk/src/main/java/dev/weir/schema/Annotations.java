package dev.weir.schema;

import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Collects the annotations that describe one value, from its declarations and its type. */
final class Annotations {
  private Annotations() {}

  /**
   * Returns the annotations of every declaration of a value (a parameter, or a component together
   * with its field and accessor) and of its type, without duplicates and with repeated annotations
   * ({@code @Pattern.List}) unpacked. A Jakarta constraint written on a declaration is usually also
   * a type annotation, hence the de-duplication.
   */
  static Set<Annotation> of(AnnotatedType type, AnnotatedElement... declarations) {
    Set<Annotation> all = new LinkedHashSet<>();
    for (AnnotatedElement declaration : declarations) {
      unpack(declaration.getAnnotations(), all);
    }
    unpack(type.getAnnotations(), all);
    return all;
  }

  /** Returns the text of the {@link Description} among {@code annotations}, if there is one. */
  static Optional<String> description(Collection<Annotation> annotations) {
    return annotations.stream()
        .filter(Description.class::isInstance)
        .map(a -> ((Description) a).value())
        .findFirst();
  }

  private static void unpack(Annotation[] annotations, Set<Annotation> into) {
    for (Annotation annotation : annotations) {
      Annotation[] repeated = repeated(annotation);
      if (repeated == null) {
        into.add(annotation);
      } else {
        unpack(repeated, into);
      }
    }
  }

  /** Returns the annotations held by a container of a {@link Repeatable} one, else null. */
  private static Annotation[] repeated(Annotation annotation) {
    try {
      Method value = annotation.annotationType().getMethod("value");
      Class<?> element = value.getReturnType().getComponentType();
      if (element == null || !element.isAnnotation()) {
        return null;
      }
      Repeatable repeatable = element.getAnnotation(Repeatable.class);
      if (repeatable == null || repeatable.value() != annotation.annotationType()) {
        return null;
      }
      return (Annotation[]) value.invoke(annotation);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
