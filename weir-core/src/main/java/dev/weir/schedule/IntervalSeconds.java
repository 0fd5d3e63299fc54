package dev.weir.schedule;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.weir.core.WeirException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The JSON form of an interval: seconds as a number, fractions allowed; read also from ISO-8601. */
final class IntervalSeconds {

    private IntervalSeconds() {}

    static String format(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros()
                .toPlainString();
    }

    static Duration parse(String text) {
        try {
            if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P")) {
                return Duration.parse(text);
            }
            BigDecimal seconds = new BigDecimal(text);
            return Duration.ofSeconds(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new WeirException("interval: '" + text
                    + "' is not accepted; accepted: a positive number of seconds or ISO-8601 duration such as PT1H");
        }
    }

    /** Writes a duration as seconds. */
    static final class Writer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(format(value));
        }
    }

    /** Reads a duration from seconds (a number or numeric string) or an ISO-8601 duration string. */
    static final class Reader extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parse(p.getDecimalValue().toPlainString());
            }
            if (token == JsonToken.VALUE_STRING) {
                return parse(p.getText().trim());
            }
            throw new WeirException("interval: " + token + " is not accepted; accepted: seconds or ISO-8601 duration");
        }
    }
}
