package dev.weir.server.auth;

import dev.weir.core.Ids;
import dev.weir.core.WeirException;
import dev.weir.server.store.ApiKeyRecord;
import dev.weir.server.store.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, lists, revokes and checks API keys. A key is {@code weir_} and 32 random bytes; only its
 * SHA-256 is stored. Checking looks the hash up and compares it in constant time; a valid key is
 * remembered for a few seconds so that every request does not read the database (a revoked key
 * stops working within {@link #CACHE_TTL}).
 */
public final class ApiKeys {

    /** How long a checked key is trusted without reading the database again. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Cached(Role role, Instant until) {}

    private final ApiKeyStore store;
    private final InstantSource clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ApiKeys(ApiKeyStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    public CreatedApiKey create(String name, Role role) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new WeirException("An API key needs a name of 1 to 100 characters, got '" + name + "'");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "weir_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = Ids.newId();
        store.insert(new ApiKeyRecord(id, name, role.name(), hash(key), clock.instant(), false));
        return new CreatedApiKey(id, name, role, key);
    }

    public List<ApiKeyRecord> list() {
        return store.list();
    }

    public boolean revoke(UUID id) {
        boolean revoked = store.revoke(id);
        cache.clear();
        return revoked;
    }

    /** The role of {@code key}, or empty when it is unknown or revoked. */
    public Optional<Role> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(key);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.role());
        }
        Optional<ApiKeyRecord> record = store.findByHash(hash)
                .filter(found -> !found.revoked())
                .filter(found -> MessageDigest.isEqual(found.keyHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)));
        record.ifPresent(found -> cache.put(hash, new Cached(Role.parse(found.role()), now.plus(CACHE_TTL))));
        return record.map(found -> Role.parse(found.role()));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
