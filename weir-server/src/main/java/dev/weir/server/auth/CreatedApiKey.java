package dev.weir.server.auth;

import java.util.UUID;

/**
 * A new API key: {@code key} is shown this once and never stored.
 *
 * @param key the secret to pass as {@code Authorization: Bearer <key>}
 */
public record CreatedApiKey(UUID id, String name, Role role, String key) {}
