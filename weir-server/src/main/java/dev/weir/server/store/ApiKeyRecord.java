package dev.weir.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored API key: never the key itself, only its SHA-256.
 *
 * @param role admin, developer or viewer
 */
public record ApiKeyRecord(UUID id, String name, String role, String keyHash, Instant created, boolean revoked) {}
