package dev.weir.validation;

import java.lang.reflect.Method;

/**
 * Validates a method's arguments against the Jakarta Bean Validation constraints on its parameters,
 * using Hibernate Validator.
 *
 * <p>Methods whose parameters carry no constraint, directly or through the components of records
 * they take, are skipped without touching Hibernate Validator: the answer is computed once per
 * method and cached, and the validator factory is created lazily, once per JVM, on the first
 * method that needs it. Messages are interpolated without Expression Language.
 *
 * <p>Parameters whose type is a record, or a collection, array, map or {@code Optional} of
 * records, are validated in depth as if annotated {@code @Valid}: a flow author need not write it.
 * Records nested inside those records are cascaded only where their component says {@code @Valid},
 * as Bean Validation specifies. Static methods are supported. Constraints declared on an
 * overridden method in a supertype, and cross-parameter constraints, are not checked.
 *
 * <p>This class is thread-safe.
 */
public final class ParameterValidator {
  private static final ValidationEngine ENGINE =
      new ValidationEngine(ValidationEngine::newFactory);

  private ParameterValidator() {}

  /**
   * Checks {@code args} against the constraints on {@code method}'s parameters.
   *
   * @param args the arguments in parameter order; null stands for none
   * @throws ParameterValidationException if any argument breaks a constraint
   * @throws IllegalArgumentException if {@code args} does not match the method's parameters in
   *     number or type
   */
  public static void validate(Method method, Object[] args) {
    ENGINE.validate(method, args);
  }

  /** Returns how many validator factories this JVM's validator has created: zero or one. */
  static int factoriesCreated() {
    return ENGINE.factoriesCreated();
  }
}
