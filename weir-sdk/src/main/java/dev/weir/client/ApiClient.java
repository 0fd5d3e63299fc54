package dev.weir.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.weir.Sleeper;
import dev.weir.api.Problem;
import dev.weir.core.Json;
import dev.weir.core.WeirException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends JSON requests to the Weir API and reads the answers, retrying what may succeed later.
 *
 * <p>A request is retried up to {@link #MAX_RETRIES} times when the connection fails or times out, and
 * on 408, 429 and every 5xx, waiting as {@link Backoff} says. Every retry sends the same bytes, so
 * callers make their writes idempotent (client-chosen ids, transition ids). Any other answer outside
 * 2xx throws {@link ApiException} at once.
 *
 * <p>Thread-safe; blocking (meant for virtual threads).
 */
final class ApiClient implements AutoCloseable {

    static final int MAX_RETRIES = 5;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);


    private final URI base;
    private final Optional<String> apiKey;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    ApiClient(URI base, Optional<String> apiKey, Sleeper sleeper, Backoff backoff) {
        this.base = base;
        this.apiKey = apiKey.filter(key -> !key.isBlank());
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    URI base() {
        return base;
    }

    /**
     * Sends {@code body} (or nothing when null) to {@code path} under the API's base and decodes the answer
     * as {@code type}; returns null when {@code type} is null (the answer's body is then ignored).
     */
    <T> T call(String method, String path, Object body, Map<String, String> headers, Class<T> type) {
        HttpRequest request = request(method, path, body, headers);
        HttpResponse<byte[]> response = send(request);
        if (type == null) {
            return null;
        }
        if (response.body().length == 0) {
            throw new WeirException(describe(request) + " answered HTTP " + response.statusCode()
                    + " without a body; expected a " + type.getSimpleName());
        }
        try {
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new WeirException(describe(request) + " answered with a body that is not a " + type.getSimpleName()
                    + " (" + e.getMessage() + "): " + excerpt(response.body()), e);
        }
    }

    private HttpRequest request(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", "weir-sdk");
        apiKey.ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        headers.forEach(builder::header);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            byte[] json = Json.mapper().writeValueAsBytes(body);
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json))
                    .build();
        } catch (JsonProcessingException e) {
            throw new WeirException("Cannot write the body of " + method + " " + path + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        for (int retry = 1; ; retry++) {
            Duration wait;
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response;
                }
                if (!retryable(status) || retry > MAX_RETRIES) {
                    throw refused(request, response);
                }
                wait = backoff.delay(retry, response.headers().firstValue("Retry-After"));
            } catch (IOException e) {
                if (retry > MAX_RETRIES) {
                    throw new WeirException("Could not reach the Weir API for " + describe(request) + " after "
                            + retry + " attempts: " + e + "; check that the server is running at " + base, e);
                }
                wait = backoff.delay(retry, Optional.empty());
            } catch (InterruptedException e) {
                throw interrupted(request, e);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted(request, e);
            }
        }
    }

    private static WeirException interrupted(HttpRequest request, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new WeirException("Interrupted while waiting for " + describe(request), e);
    }

    private static ApiException refused(HttpRequest request, HttpResponse<byte[]> response) {
        String detail = null;
        String field = null;
        try {
            Problem problem = Json.mapper().readValue(response.body(), Problem.class);
            detail = problem.detail() != null ? problem.detail() : problem.title();
            field = problem.field();
        } catch (IOException | RuntimeException e) {
            // Not a problem document (a proxy's HTML page, say): the text itself is the best explanation.
        }
        if (detail == null || detail.isBlank()) {
            detail = response.body().length == 0 ? "(no explanation given)" : excerpt(response.body());
        }
        return new ApiException(describe(request), response.statusCode(), detail, field);
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        http.close();
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
