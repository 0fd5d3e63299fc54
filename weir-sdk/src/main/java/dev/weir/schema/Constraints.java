package dev.weir.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * Maps Jakarta Bean Validation constraints onto JSON Schema keywords: bounds onto {@code minimum},
 * {@code exclusiveMaximum} and their kin, sizes onto {@code minLength}, {@code minItems} or {@code
 * minProperties} depending on the schema's type, {@code @Pattern} onto {@code pattern} and
 * {@code @Email} onto {@code format}.
 *
 * <p>Bounds only ever tighten what is there, so {@code @Min(1)} on an {@code int} replaces the
 * {@code int32} lower bound and {@code @Min(-5)} on a {@code byte} leaves {@code -128} alone.
 * Constraints without a JSON Schema counterpart ({@code @Past}, {@code @Digits}, custom ones) are
 * left out.
 */
final class Constraints {
  private Constraints() {}

  /** Applies the keywords of {@code annotations} to {@code schema} and returns it. */
  static ObjectNode applied(Collection<Annotation> annotations, ObjectNode schema) {
    for (Annotation annotation : annotations) {
      apply(annotation, schema);
    }
    return schema;
  }

  private static void apply(Annotation annotation, ObjectNode schema) {
    switch (annotation) {
      case Min min -> bound(schema, BigDecimal.valueOf(min.value()), Side.LOWER, false);
      case Max max -> bound(schema, BigDecimal.valueOf(max.value()), Side.UPPER, false);
      case DecimalMin min ->
          bound(schema, decimal("@DecimalMin", min.value()), Side.LOWER, !min.inclusive());
      case DecimalMax max ->
          bound(schema, decimal("@DecimalMax", max.value()), Side.UPPER, !max.inclusive());
      case Positive positive -> bound(schema, BigDecimal.ZERO, Side.LOWER, true);
      case PositiveOrZero positive -> bound(schema, BigDecimal.ZERO, Side.LOWER, false);
      case Negative negative -> bound(schema, BigDecimal.ZERO, Side.UPPER, true);
      case NegativeOrZero negative -> bound(schema, BigDecimal.ZERO, Side.UPPER, false);
      case Size size -> size(schema, size.min(), size.max());
      case NotEmpty notEmpty -> size(schema, 1, Integer.MAX_VALUE);
      case NotBlank notBlank -> {
        if (isType(schema, "string")) {
          size(schema, 1, Integer.MAX_VALUE);
        }
      }
      case Pattern pattern -> pattern(schema, pattern.regexp());
      case Email email -> {
        if (isType(schema, "string")) {
          schema.put("format", "email");
        }
      }
      case AssertTrue assertTrue -> schema.put("const", true);
      case AssertFalse assertFalse -> schema.put("const", false);
      default -> {}
    }
  }

  private enum Side {
    LOWER("minimum", "exclusiveMinimum", 1),
    UPPER("maximum", "exclusiveMaximum", -1);

    final String inclusive;
    final String exclusive;
    final int tighter;

    Side(String inclusive, String exclusive, int tighter) {
      this.inclusive = inclusive;
      this.exclusive = exclusive;
      this.tighter = tighter;
    }
  }

  /**
   * Sets a bound unless an existing one is at least as tight; the bound replaces both the
   * inclusive and the exclusive keyword of its side, so at most one of them remains.
   */
  private static void bound(ObjectNode schema, BigDecimal value, Side side, boolean exclusive) {
    if (!isType(schema, "integer") && !isType(schema, "number")) {
      return;
    }
    JsonNode inclusiveBound = schema.get(side.inclusive);
    JsonNode exclusiveBound = schema.get(side.exclusive);
    if (inclusiveBound != null) {
      int comparison = value.compareTo(inclusiveBound.decimalValue()) * side.tighter;
      if (comparison < 0 || (comparison == 0 && !exclusive)) {
        return;
      }
    }
    if (exclusiveBound != null && value.compareTo(exclusiveBound.decimalValue()) * side.tighter <= 0) {
      return;
    }
    schema.remove(side.inclusive);
    schema.remove(side.exclusive);
    schema.set(exclusive ? side.exclusive : side.inclusive, number(value));
  }

  private static void size(ObjectNode schema, int min, int max) {
    String kind = schema.path("type").asText();
    String noun =
        switch (kind) {
          case "string" -> "Length";
          case "array" -> "Items";
          case "object" -> "Properties";
          default -> null;
        };
    if (noun == null) {
      return;
    }
    if (min > 0 && min > schema.path("min" + noun).asInt(0)) {
      schema.put("min" + noun, min);
    }
    if (max < Integer.MAX_VALUE && max < schema.path("max" + noun).asInt(Integer.MAX_VALUE)) {
      schema.put("max" + noun, max);
    }
  }

  /** Sets {@code "pattern"}; further patterns go into {@code "allOf"}, as all must match. */
  private static void pattern(ObjectNode schema, String regexp) {
    if (!isType(schema, "string") || regexp.equals(schema.path("pattern").asText(null))) {
      return;
    }
    if (!schema.has("pattern")) {
      schema.put("pattern", regexp);
      return;
    }
    ArrayNode allOf = schema.has("allOf") ? (ArrayNode) schema.get("allOf") : schema.putArray("allOf");
    allOf.add(JsonNodeFactory.instance.objectNode().put("pattern", regexp));
  }

  private static boolean isType(ObjectNode schema, String type) {
    return type.equals(schema.path("type").asText());
  }

  private static BigDecimal decimal(String constraint, String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          constraint + " value '" + value + "' is not a decimal number; use a value such as \"0.5\"",
          e);
    }
  }

  private static JsonNode number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      try {
        return JsonNodeFactory.instance.numberNode(stripped.longValueExact());
      } catch (ArithmeticException e) {
        return JsonNodeFactory.instance.numberNode(stripped.toBigIntegerExact());
      }
    }
    return JsonNodeFactory.instance.numberNode(stripped);
  }
}
