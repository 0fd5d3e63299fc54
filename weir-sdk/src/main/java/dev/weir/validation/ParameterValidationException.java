package dev.weir.validation;

import dev.weir.core.WeirException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a method's arguments break the constraints declared on its parameters; the message
 * has one line per violation, naming the parameter, the value and the rule.
 */
public class ParameterValidationException extends WeirException {
  private static final long serialVersionUID = 1L;

  /** Transient because the offending values need not be serializable. */
  private final transient List<Violation> violations;

  /**
   * Creates the exception for {@code violations}, which must not be empty.
   *
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public ParameterValidationException(List<Violation> violations) {
    super(message(violations));
    this.violations = List.copyOf(violations);
  }

  /** Returns the violations in parameter order, never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException(
          "a ParameterValidationException needs at least one violation, got none");
    }
    return violations.stream().map(Violation::describe).collect(Collectors.joining("\n"));
  }
}
