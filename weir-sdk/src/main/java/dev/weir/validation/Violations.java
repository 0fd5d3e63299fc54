package dev.weir.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Hibernate Validator's violations into {@link Violation}s named after the user's method. */
final class Violations {
  private Violations() {}

  /** A violation with the index of its parameter, for sorting in parameter order. */
  private record Indexed(int index, Violation violation) {}

  /** Returns the violations sorted by parameter position, then path, then rule. */
  static List<Violation> of(Set<? extends ConstraintViolation<?>> found, Method method) {
    Parameter[] parameters = method.getParameters();
    return found.stream()
        .map(violation -> indexed(violation, parameters))
        .sorted(
            Comparator.comparingInt(Indexed::index)
                .thenComparing(i -> i.violation().parameter())
                .thenComparing(i -> i.violation().rule()))
        .map(Indexed::violation)
        .toList();
  }

  /**
   * Converts one violation, writing its path as {@code order.lines[2].sku}: the parameter's name,
   * then a dot before each property and brackets around each index or key.
   */
  private static Indexed indexed(ConstraintViolation<?> violation, Parameter[] parameters) {
    StringBuilder path = new StringBuilder();
    int index = Integer.MAX_VALUE;
    for (Path.Node node : violation.getPropertyPath()) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD) {
        continue;
      }
      if (kind == ElementKind.PARAMETER) {
        index = node.as(Path.ParameterNode.class).getParameterIndex();
        path.append(parameters[index].getName());
        continue;
      }
      if (kind == ElementKind.CROSS_PARAMETER) {
        path.append("<parameters>");
        continue;
      }
      if (node.isInIterable()) {
        Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
        path.append('[').append(position == null ? "" : position).append(']');
      }
      if (kind == ElementKind.PROPERTY) {
        path.append('.').append(node.getName());
      }
    }
    return new Indexed(
        index, new Violation(path.toString(), violation.getInvalidValue(), violation.getMessage()));
  }
}
