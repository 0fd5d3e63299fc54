package dev.weir.cli.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.Problem;
import dev.weir.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A blocking JSON client of the Weir API at one base URL, sending the API key as a Bearer token when
 * there is one. Errors are {@link ApiError} (the server's problem document) or
 * {@link ApiUnreachableException} (no connection). Thread-safe.
 */
public final class ApiClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final Optional<String> key;
    private final String unreachableHint;

    ApiClient(URI base, Optional<String> key, String unreachableHint) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.key = key;
        this.unreachableHint = unreachableHint;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The API's base URL, such as {@code http://127.0.0.1:4200/api}. */
    public URI baseUrl() {
        return base;
    }

    /** GETs {@code path} (relative to the base URL, starting with {@code /}) as {@code type}. */
    public <T> T get(String path, TypeReference<T> type) {
        return read(send(request(path).GET()), type);
    }

    /** GETs {@code path} as a JSON tree. */
    public JsonNode get(String path) {
        return read(send(request(path).GET()), new TypeReference<JsonNode>() {});
    }

    /** POSTs {@code body} as JSON to {@code path} and reads the answer as {@code type}. */
    public <T> T post(String path, Object body, TypeReference<T> type) {
        return read(send(request(path).POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json")), type);
    }

    /** Whether {@code path} exists: HEAD answers 2xx (true) or 404 (false); any other answer is an {@link ApiError}. */
    public boolean exists(String path) {
        HttpResponse<Void> response = exchange(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() >= 300) {
            throw error(response.statusCode(), "");
        }
        return true;
    }

    /** PUTs the bytes of {@code file} to {@code path} and reads the answer as a JSON tree. */
    public JsonNode put(String path, java.nio.file.Path file, String contentType) {
        try {
            return read(send(request(path).PUT(HttpRequest.BodyPublishers.ofFile(file)).header("Content-Type", contentType)),
                    new TypeReference<JsonNode>() {});
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PUTs {@code body} as JSON to {@code path}; the answer as a JSON tree, a null node when it has no body. */
    public JsonNode put(String path, Object body) {
        String answer = send(request(path).PUT(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json"));
        return answer == null || answer.isBlank() ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : read(answer, new TypeReference<JsonNode>() {});
    }

    /** POSTs {@code body} as JSON to {@code path}; the answer as a JSON tree, a null node when it has no body. */
    public JsonNode post(String path, Object body) {
        String answer = send(request(path).POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .header("Content-Type", "application/json"));
        return answer == null || answer.isBlank() ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : read(answer, new TypeReference<JsonNode>() {});
    }

    /** GETs {@code path} into {@code target} (a file it creates or replaces); a 4xx or 5xx is an {@link ApiError}. */
    public void download(String path, java.nio.file.Path target) {
        HttpResponse<java.nio.file.Path> response = exchange(request(path).header("Accept", "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofFile(target));
        if (response.statusCode() >= 300) {
            String body;
            try {
                body = java.nio.file.Files.readString(target);
            } catch (IOException e) {
                body = "";
            }
            throw error(response.statusCode(), body);
        }
    }

    /** DELETEs {@code path}. */
    public void delete(String path) {
        send(request(path).DELETE());
    }

    /**
     * Opens the server-sent event stream at {@code path} (sending {@code Accept: text/event-stream}); it
     * has no read timeout, so close it to stop.
     */
    public ServerSentEvents stream(String path) {
        HttpRequest request = request(path).setHeader("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 300) {
            try (InputStream body = response.body()) {
                throw error(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw unreachable(e);
            }
        }
        return new ServerSentEvents(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json");
        key.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        return builder;
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw error(response.statusCode(), response.body());
        }
        return response.body();
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("Interrupted while calling " + base, e);
        }
    }

    /** The exception for a connection that failed or was lost, naming the URL. */
    ApiUnreachableException unreachable(IOException e) {
        String why = switch (e) {
            case HttpConnectTimeoutException timeout -> "the connection timed out";
            case HttpTimeoutException timeout -> "no answer within " + TIMEOUT.toSeconds() + " s";
            case ConnectException refused -> "connection refused";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return new ApiUnreachableException("Cannot reach the Weir API at " + base + " (" + why + "). " + unreachableHint, e);
    }

    private static ApiError error(int status, String body) {
        try {
            Problem problem = Json.mapper().readValue(body, Problem.class);
            if (problem.detail() != null) {
                return new ApiError(status, problem.detail(), problem.field());
            }
        } catch (IOException e) {
            // Not a problem document (a proxy's page, say): reported as text below.
        }
        String text = body == null ? "" : body.strip();
        return new ApiError(status, "HTTP " + status + (text.isEmpty() ? "" : ": " + abbreviate(text)), null);
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("The API answered with something other than the expected JSON: "
                    + abbreviate(body), e);
        }
    }

    private static String write(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
