package dev.weir.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** The fixed schemas of scalar types: numbers, text, dates and times, identifiers, bytes. */
final class Scalars {
  private static final Map<Class<?>, ObjectNode> SCHEMAS = new HashMap<>();

  static {
    both(boolean.class, Boolean.class, type("boolean"));
    both(byte.class, Byte.class, integer("int32", Byte.MIN_VALUE, Byte.MAX_VALUE));
    both(short.class, Short.class, integer("int32", Short.MIN_VALUE, Short.MAX_VALUE));
    both(int.class, Integer.class, integer("int32", Integer.MIN_VALUE, Integer.MAX_VALUE));
    both(long.class, Long.class, integer("int64", Long.MIN_VALUE, Long.MAX_VALUE));
    both(float.class, Float.class, format("number", "float"));
    both(double.class, Double.class, format("number", "double"));
    both(char.class, Character.class, type("string").put("minLength", 1).put("maxLength", 1));
    both(String.class, CharSequence.class, type("string"));
    SCHEMAS.put(BigDecimal.class, type("number"));
    SCHEMAS.put(BigInteger.class, type("integer"));
    SCHEMAS.put(OptionalInt.class, integer("int32", Integer.MIN_VALUE, Integer.MAX_VALUE));
    SCHEMAS.put(OptionalLong.class, integer("int64", Long.MIN_VALUE, Long.MAX_VALUE));
    SCHEMAS.put(OptionalDouble.class, format("number", "double"));
    SCHEMAS.put(LocalDate.class, format("string", "date"));
    for (Class<?> dateTime :
        new Class<?>[] {
          LocalDateTime.class, Instant.class, OffsetDateTime.class, ZonedDateTime.class
        }) {
      SCHEMAS.put(dateTime, format("string", "date-time"));
    }
    both(LocalTime.class, OffsetTime.class, format("string", "time"));
    both(Duration.class, Period.class, format("string", "duration"));
    both(ZoneId.class, ZoneOffset.class, type("string"));
    SCHEMAS.put(UUID.class, format("string", "uuid"));
    both(URI.class, URL.class, format("string", "uri"));
    both(Path.class, File.class, type("string"));
    SCHEMAS.put(byte[].class, type("string").put("contentEncoding", "base64"));
  }

  private Scalars() {}

  /** Returns a fresh copy of the schema of {@code raw}, or empty if it is not a known scalar. */
  static Optional<ObjectNode> of(Class<?> raw) {
    ObjectNode schema = SCHEMAS.get(raw);
    return schema == null ? Optional.empty() : Optional.of(schema.deepCopy());
  }

  private static void both(Class<?> first, Class<?> second, ObjectNode schema) {
    SCHEMAS.put(first, schema);
    SCHEMAS.put(second, schema);
  }

  private static ObjectNode type(String type) {
    return JsonNodeFactory.instance.objectNode().put("type", type);
  }

  private static ObjectNode format(String type, String format) {
    return type(type).put("format", format);
  }

  private static ObjectNode integer(String format, long minimum, long maximum) {
    return format("integer", format).put("minimum", minimum).put("maximum", maximum);
  }
}
