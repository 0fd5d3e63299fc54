package dev.weir.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers, once per method, whether validating its arguments could find anything: whether a
 * parameter, a type argument, or a field of a class reachable from the parameter types carries a
 * Bean Validation constraint or {@code @Valid}.
 *
 * <p>The answers live in a {@link ClassValue} of the declaring class, so they go away with it.
 */
final class ConstraintScan {
  private static final ClassValue<Map<Method, Boolean>> ANSWERS =
      new ClassValue<>() {
        @Override
        protected Map<Method, Boolean> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private ConstraintScan() {}

  static boolean hasConstraints(Method method) {
    return ANSWERS.get(method.getDeclaringClass()).computeIfAbsent(method, ConstraintScan::scan);
  }

  private static boolean scan(Method method) {
    Set<Class<?>> seen = new HashSet<>();
    for (Parameter parameter : method.getParameters()) {
      if (anyConstraint(parameter.getAnnotations())
          || typeHasConstraints(parameter.getAnnotatedType(), seen)) {
        return true;
      }
    }
    return false;
  }

  private static boolean typeHasConstraints(AnnotatedType type, Set<Class<?>> seen) {
    if (anyConstraint(type.getAnnotations())) {
      return true;
    }
    for (AnnotatedType nested : nested(type)) {
      if (typeHasConstraints(nested, seen)) {
        return true;
      }
    }
    return classHasConstraints(raw(type.getType()), seen);
  }

  private static AnnotatedType[] nested(AnnotatedType type) {
    return switch (type) {
      case AnnotatedParameterizedType p -> p.getAnnotatedActualTypeArguments();
      case AnnotatedArrayType a -> new AnnotatedType[] {a.getAnnotatedGenericComponentType()};
      case AnnotatedWildcardType w -> w.getAnnotatedUpperBounds();
      case AnnotatedTypeVariable v -> v.getAnnotatedBounds();
      default -> new AnnotatedType[0];
    };
  }

  /** Scans the class annotations and instance fields of a user class, following field types. */
  private static boolean classHasConstraints(Class<?> type, Set<Class<?>> seen) {
    if (type == null || type.isPrimitive() || isJdk(type) || !seen.add(type)) {
      return false;
    }
    if (anyConstraint(type.getAnnotations())) {
      return true;
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())
            && (anyConstraint(field.getAnnotations())
                || typeHasConstraints(field.getAnnotatedType(), seen))) {
          return true;
        }
      }
      for (Method getter : c.getDeclaredMethods()) {
        if (getter.getParameterCount() == 0 && anyConstraint(getter.getAnnotations())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyConstraint(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      if (isConstraint(annotation.annotationType())) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@code type} is {@code @Valid}, a constraint, or a list of constraints. */
  private static boolean isConstraint(Class<? extends Annotation> type) {
    if (type == Valid.class || type.isAnnotationPresent(Constraint.class)) {
      return true;
    }
    try {
      Class<?> element = type.getMethod("value").getReturnType().getComponentType();
      return element != null && element.isAnnotationPresent(Constraint.class);
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean isJdk(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
  }

  private static Class<?> raw(Type type) {
    return switch (type) {
      case Class<?> c -> c.isArray() ? null : c;
      case ParameterizedType p -> raw(p.getRawType());
      default -> null;
    };
  }
}
