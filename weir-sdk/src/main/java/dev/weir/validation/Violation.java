package dev.weir.validation;

import java.util.Objects;

/**
 * One argument that broke one constraint.
 *
 * @param parameter the parameter's name, or a path into it such as {@code order.quantity} or
 *     {@code lines[2].sku} when the value sits inside a record or a container
 * @param value the offending value, possibly null
 * @param rule the constraint's message, such as {@code must be greater than or equal to 1}
 */
public record Violation(String parameter, Object value, String rule) {
  private static final int MAX_VALUE_LENGTH = 200;

  public Violation {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(rule, "rule");
  }

  /**
   * Returns the one-line explanation {@code Invalid parameter 'year': 1800 must be ...}, the value
   * shown with {@link String#valueOf(Object)} and cut to 200 characters.
   */
  String describe() {
    String shown = String.valueOf(value);
    if (shown.length() > MAX_VALUE_LENGTH) {
      shown =
          shown.substring(0, MAX_VALUE_LENGTH) + "... (" + shown.length() + " characters)";
    }
    return "Invalid parameter '" + parameter + "': " + shown + " " + rule;
  }
}
