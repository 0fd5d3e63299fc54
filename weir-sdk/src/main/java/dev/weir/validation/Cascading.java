package dev.weir.validation;

import jakarta.validation.Valid;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where a parameter implicitly cascades validation into records: into its value when it is a
 * record or an array of records, into its elements when it is a collection, map (values) or
 * {@code Optional} of records, and nowhere when the author already wrote {@code @Valid}.
 *
 * <p>Arrays cascade through {@code @Valid} on the parameter, the only form Hibernate Validator
 * supports for arrays; it logs the deprecation warning HV000271 once per such method.
 */
enum Cascading {
  NONE,
  VALUE,
  ELEMENTS;

  static Cascading of(Parameter parameter) {
    if (parameter.isAnnotationPresent(Valid.class) || mentionsValid(parameter.getAnnotatedType())) {
      return NONE;
    }
    Class<?> raw = parameter.getType();
    if (raw.isRecord() || raw.isArray() && raw.getComponentType().isRecord()) {
      return VALUE;
    }
    boolean container =
        Iterable.class.isAssignableFrom(raw)
            || Map.class.isAssignableFrom(raw)
            || raw == Optional.class;
    if (container && parameter.getParameterizedType() instanceof ParameterizedType parameterized) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (arguments[arguments.length - 1] instanceof Class<?> element && element.isRecord()) {
        return ELEMENTS;
      }
    }
    return NONE;
  }

  private static boolean mentionsValid(AnnotatedType type) {
    if (type.isAnnotationPresent(Valid.class)) {
      return true;
    }
    return type instanceof AnnotatedParameterizedType parameterized
        && Arrays.stream(parameterized.getAnnotatedActualTypeArguments())
            .anyMatch(Cascading::mentionsValid);
  }
}
