package dev.weir.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.weir.core.Json;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads request bodies and parameters, turning every malformed input into a 400 that names the field,
 * the value and what is accepted.
 */
final class Requests {

    private Requests() {}

    static <T> T body(Context ctx, Class<T> type) {
        return body(ctx, Json.mapper().constructType(type));
    }

    static <T> T body(Context ctx, JavaType type) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiException.badRequest(null, "The request needs a JSON body (" + type.getRawClass().getSimpleName() + ")");
        }
        try {
            T value = Json.mapper().readValue(text, type);
            if (value == null) {
                throw ApiException.badRequest(null, "The request body must not be null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            String cause = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
            throw ApiException.badRequest(path(e), "Invalid " + type.getRawClass().getSimpleName() + ": " + cause);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest(path(e), "Invalid value for '" + path(e) + "': " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    static UUID uuid(Context ctx, String name) {
        return uuid(name, ctx.pathParam(name));
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, "'" + name + "' must be a UUID, got '" + value + "'");
        }
    }

    static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return bounded(name, value, min, max);
    }

    static int bounded(String name, Object value, int min, int max) {
        try {
            int parsed = value instanceof Integer i ? i : Integer.parseInt(String.valueOf(value).trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name, "'" + name + "' must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
