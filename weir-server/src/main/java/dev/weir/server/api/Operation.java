package dev.weir.server.api;

/**
 * One documented route: its method, path (with {@code {name}} parameters), summary, the request body
 * and response types by name (null when none), and the role it needs.
 */
record Operation(String method, String path, String summary, String requestBody, String response, Access access) {

    /** Who may call a route when auth is on. */
    enum Access implements io.javalin.security.RouteRole {
        PUBLIC,
        READ,
        WRITE,
        ADMIN
    }
}
