package dev.weir.server.api;

import dev.weir.server.auth.ApiKeys;
import dev.weir.server.auth.Role;
import dev.weir.server.store.ApiKeyRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/api_keys} (admin only): create a key (shown once), list keys without secrets, revoke. */
final class ApiKeyRoutes {

    /** The body of {@code POST /api/api_keys}. */
    record NewApiKey(String name, String role) {}

    private ApiKeyRoutes() {}

    static void register(ApiRoutes routes, ApiKeys keys) {
        routes.post("/api/api_keys", "Creates an API key; the key is in this answer only", "NewApiKey", "CreatedApiKey",
                Operation.Access.ADMIN, ctx -> {
                    NewApiKey request = Requests.body(ctx, NewApiKey.class);
                    Role role;
                    try {
                        role = Role.parse(request.role());
                    } catch (RuntimeException e) {
                        throw ApiException.badRequest("role", e.getMessage());
                    }
                    ctx.status(201).json(keys.create(request.name(), role));
                });
        routes.get("/api/api_keys", "API keys, without their secrets", "ApiKey[]", Operation.Access.ADMIN,
                ctx -> ctx.json(keys.list().stream().map(ApiKeyRoutes::view).toList()));
        routes.delete("/api/api_keys/{id}", "Revokes an API key", Operation.Access.ADMIN, ctx -> {
            if (!keys.revoke(Requests.uuid(ctx, "id"))) {
                throw ApiException.notFound("No API key with id " + ctx.pathParam("id"));
            }
            ctx.status(204);
        });
    }

    private static Map<String, Object> view(ApiKeyRecord key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", key.id());
        view.put("name", key.name());
        view.put("role", key.role().toLowerCase());
        view.put("created", key.created());
        view.put("revoked", key.revoked());
        return view;
    }
}
