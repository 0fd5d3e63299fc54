package dev.weir.server.store;

import static dev.weir.server.store.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.core.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: stored by hash, found by hash, revoked. Part of {@link StoreContract}. */
interface ApiKeyContract {

    Database db();

    @Test
    default void apiKeysAreFoundByTheirHashListedAndRevoked() {
        UUID id = Ids.newId();
        db().apiKeys().insert(new ApiKeyRecord(id, "ci", "DEVELOPER", "ab".repeat(32), T0, false));
        db().apiKeys().insert(new ApiKeyRecord(Ids.newId(), "ops", "ADMIN", "cd".repeat(32), T0.plusSeconds(1), false));

        assertThat(db().apiKeys().findByHash("ab".repeat(32))).hasValueSatisfying(k -> {
            assertThat(k.name()).isEqualTo("ci");
            assertThat(k.created()).isEqualTo(T0);
        });
        assertThat(db().apiKeys().findByHash("ef".repeat(32))).isEmpty();
        assertThat(db().apiKeys().list()).extracting(ApiKeyRecord::name).containsExactly("ops", "ci");
        assertThat(db().apiKeys().countActive()).isEqualTo(2);

        assertThat(db().apiKeys().revoke(id)).isTrue();
        assertThat(db().apiKeys().revoke(Ids.newId())).isFalse();
        assertThat(db().apiKeys().findByHash("ab".repeat(32))).hasValueSatisfying(k -> assertThat(k.revoked()).isTrue());
        assertThat(db().apiKeys().countActive()).isEqualTo(1);
    }
}
