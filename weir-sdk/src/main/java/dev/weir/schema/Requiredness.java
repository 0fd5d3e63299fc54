package dev.weir.schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Decides whether a parameter, component or property belongs in a schema's {@code "required"}. */
final class Requiredness {
  private static final Set<Class<?>> OPTIONALS =
      Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

  private Requiredness() {}

  /**
   * Returns whether a value of type {@code raw} must be supplied. Optionals never must; primitives
   * and values annotated {@code @NotNull}, {@code @NotEmpty} or {@code @NotBlank} always must; values
   * annotated with any annotation named {@code Nullable} need not; other references follow {@code
   * referenceDefault}.
   */
  static boolean isRequired(
      Class<?> raw, Collection<Annotation> annotations, boolean referenceDefault) {
    if (OPTIONALS.contains(raw)) {
      return false;
    }
    if (raw.isPrimitive() || annotations.stream().anyMatch(Requiredness::forbidsNull)) {
      return true;
    }
    if (annotations.stream().anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))) {
      return false;
    }
    return referenceDefault;
  }

  private static boolean forbidsNull(Annotation annotation) {
    return annotation instanceof NotNull
        || annotation instanceof NotEmpty
        || annotation instanceof NotBlank;
  }
}
