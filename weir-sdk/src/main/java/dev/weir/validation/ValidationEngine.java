package dev.weir.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates arguments with a validator factory that it creates on first need and then keeps.
 *
 * <p>Thread-safe: the factory is created at most once, under a lock, and published through a
 * volatile field.
 */
final class ValidationEngine {
  private final Supplier<ValidatorFactory> factories;
  private final Object lock = new Object();
  private volatile ExecutableValidator validator;
  private int factoriesCreated;

  ValidationEngine(Supplier<ValidatorFactory> factories) {
    this.factories = Objects.requireNonNull(factories, "factories");
  }

  /** Creates a Hibernate Validator factory that interpolates messages without Expression Language. */
  static ValidatorFactory newFactory() {
    return Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
  }

  void validate(Method method, Object[] args) {
    Objects.requireNonNull(method, "method");
    Object[] values = args == null ? new Object[0] : args;
    Arguments.check(method, values);
    if (!ConstraintScan.hasConstraints(method)) {
      return;
    }
    Probe probe = Probe.of(method);
    Set<ConstraintViolation<Object>> found =
        validator().validateParameters(probe.target(), probe.method(), values);
    if (!found.isEmpty()) {
      throw new ParameterValidationException(Violations.of(found, method));
    }
  }

  /** Returns how many factories this engine has created: zero until a constrained method, then one. */
  int factoriesCreated() {
    synchronized (lock) {
      return factoriesCreated;
    }
  }

  private ExecutableValidator validator() {
    ExecutableValidator current = validator;
    if (current == null) {
      synchronized (lock) {
        current = validator;
        if (current == null) {
          current = factories.get().getValidator().forExecutables();
          factoriesCreated++;
          validator = current;
        }
      }
    }
    return current;
  }
}
