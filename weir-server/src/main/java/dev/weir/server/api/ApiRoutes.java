package dev.weir.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Registers routes with Javalin and records each as an {@link Operation}: the OpenAPI document and
 * the access rules are built from this one list, so they cannot drift from the routes.
 */
final class ApiRoutes {

    private final RoutesConfig routes;
    private final List<Operation> operations = new ArrayList<>();

    ApiRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    void get(String path, String summary, String response, Operation.Access access, Handler handler) {
        operations.add(new Operation("GET", path, summary, null, response, access));
        routes.get(path, handler, access);
    }

    void post(String path, String summary, String request, String response, Operation.Access access, Handler handler) {
        operations.add(new Operation("POST", path, summary, request, response, access));
        routes.post(path, handler, access);
    }

    void put(String path, String summary, String request, String response, Operation.Access access, Handler handler) {
        operations.add(new Operation("PUT", path, summary, request, response, access));
        routes.put(path, handler, access);
    }

    void head(String path, String summary, Operation.Access access, Handler handler) {
        operations.add(new Operation("HEAD", path, summary, null, null, access));
        routes.head(path, handler, access);
    }

    void delete(String path, String summary, Operation.Access access, Handler handler) {
        operations.add(new Operation("DELETE", path, summary, null, null, access));
        routes.delete(path, handler, access);
    }

    void sse(String path, String summary, String response, Operation.Access access, Consumer<SseClient> handler) {
        operations.add(new Operation("GET", path, summary, null, response, access));
        routes.sse(path, handler, access);
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }
}
