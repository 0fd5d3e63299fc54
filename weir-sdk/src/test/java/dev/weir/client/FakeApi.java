package dev.weir.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weir.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for the Weir API on the JDK's HTTP server, on a free port: routes answer as a test says,
 * scripted answers come first, and every request is kept for assertions.
 */
final class FakeApi implements AutoCloseable {

    /** A request as received; {@code path} includes the {@code /api} prefix. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        <T> T body(Class<T> type) {
            try {
                return Json.mapper().readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An answer; {@code body} is written as JSON unless it is a string or null. */
    record Reply(int status, Map<String, String> headers, Object body) {
        static Reply json(int status, Object body) {
            return new Reply(status, Map.of(), body);
        }

        static Reply empty(int status) {
            return new Reply(status, Map.of(), null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();

    FakeApi() {
        this(0);
    }

    FakeApi(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Answers {@code method path} (such as {@code POST /api/logs}) with {@code handler}. */
    FakeApi route(String method, String path, Function<Request, Reply> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    /** Answers the next requests to {@code method path} with {@code replies}, one each, before the route. */
    FakeApi first(String method, String path, Reply... replies) {
        scripted.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(request);
        String key = request.method() + " " + request.path();
        Deque<Reply> script = scripted.get(key);
        Reply reply;
        synchronized (this) {
            reply = script == null ? null : script.poll();
        }
        if (reply == null) {
            Function<Request, Reply> route = routes.get(key);
            reply = route != null ? route.apply(request) : Reply.json(404,
                    Map.of("title", "Not Found", "status", 404, "detail", "no route " + key));
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body() == null ? new byte[0]
                : reply.body() instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : Json.mapper().writeValueAsBytes(reply.body());
        if (reply.body() != null && !(reply.body() instanceof String)) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
