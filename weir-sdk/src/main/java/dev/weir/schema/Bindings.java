package dev.weir.schema;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps the type variables of a generic record or class to the type arguments it was used with, so
 * that {@code Page<String>} describes its {@code List<T> items} as a list of strings.
 *
 * <p>A variable without a binding resolves to its first bound ({@code Object} unless declared), and
 * a wildcard to its upper bound. Variables nested inside a bound type argument resolve to their own
 * bounds, not to the enclosing scope's arguments.
 */
record Bindings(Map<TypeVariable<?>, AnnotatedType> variables) {
  static final Bindings NONE = new Bindings(Map.of());

  Bindings {
    variables = Map.copyOf(variables);
  }

  /**
   * Returns the bindings of {@code raw}'s type parameters to the arguments of {@code type}, each
   * argument first resolved in the enclosing scope {@code outer}.
   */
  static Bindings of(Class<?> raw, AnnotatedType type, Bindings outer) {
    if (!(type instanceof AnnotatedParameterizedType parameterized)) {
      return NONE;
    }
    TypeVariable<?>[] parameters = raw.getTypeParameters();
    AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
    Map<TypeVariable<?>, AnnotatedType> variables = new HashMap<>();
    for (int i = 0; i < Math.min(parameters.length, arguments.length); i++) {
      AnnotatedType argument = outer.resolve(arguments[i]);
      if (argument != null) {
        variables.put(parameters[i], argument);
      }
    }
    return new Bindings(variables);
  }

  /**
   * Returns {@code type} with type variables and wildcards replaced by what they stand for, or null
   * when that is unknown (a wildcard reported without bounds).
   */
  AnnotatedType resolve(AnnotatedType type) {
    AnnotatedType current = type;
    for (int depth = 0; depth < 32; depth++) {
      if (current instanceof AnnotatedTypeVariable variable) {
        AnnotatedType bound = variables.get((TypeVariable<?>) variable.getType());
        current = bound != null ? bound : variable.getAnnotatedBounds()[0];
      } else if (current instanceof AnnotatedWildcardType wildcard) {
        AnnotatedType[] upper = wildcard.getAnnotatedUpperBounds();
        if (upper.length == 0) {
          return null;
        }
        current = upper[0];
      } else {
        return current;
      }
    }
    return current;
  }
}
