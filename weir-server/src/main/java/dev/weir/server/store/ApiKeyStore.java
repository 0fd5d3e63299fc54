package dev.weir.server.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys, by id and by the hash of the key. */
public interface ApiKeyStore {

    void insert(ApiKeyRecord key);

    /** The key whose hash is {@code keyHash}, revoked or not. */
    Optional<ApiKeyRecord> findByHash(String keyHash);

    /** Every key, newest first. */
    List<ApiKeyRecord> list();

    /** Marks a key revoked; false when there is no such key. */
    boolean revoke(UUID id);

    /** How many keys are not revoked. */
    long countActive();
}
