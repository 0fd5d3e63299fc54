package dev.weir.server.api;

import dev.weir.server.auth.ApiKeys;
import dev.weir.server.auth.Role;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * With auth on, lets a request through only with a valid key whose role allows the route: 401 without
 * one, 403 with too small a role. Only {@code GET /api/health} and {@code GET /api/ready} are public,
 * by exact path; streams need a key like every other route.
 */
final class AccessControl implements Handler {

    private static final Set<String> PUBLIC_PATHS = Set.of("/api/health", "/api/ready");

    private final ApiKeys keys;

    AccessControl(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void handle(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Operation.Access access = roles.isEmpty() ? Operation.Access.ADMIN : (Operation.Access) roles.iterator().next();
        if (access == Operation.Access.PUBLIC && PUBLIC_PATHS.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, null, "This server needs an API key: send 'Authorization: Bearer <key>'"
                    + " (create one with 'weir api-key create --role developer')");
        }
        Optional<Role> role = keys.authenticate(header.substring(7).trim());
        if (role.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiException(401, null, "The API key is unknown or revoked");
        }
        boolean allowed = switch (access) {
            case PUBLIC, READ -> true;
            case WRITE -> role.get().canWrite();
            case ADMIN -> role.get().isAdmin();
        };
        if (!allowed) {
            throw new ApiException(403, null, "A " + role.get().name().toLowerCase() + " key cannot call "
                    + ctx.method() + " " + ctx.path() + "; it needs the " + (access == Operation.Access.ADMIN ? "admin" : "developer")
                    + " role");
        }
    }
}
