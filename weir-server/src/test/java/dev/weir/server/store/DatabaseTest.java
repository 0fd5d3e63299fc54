package dev.weir.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Choosing a database from its URL, and where it lives by default. */
class DatabaseTest {

    @Test
    void refusesAnUnsupportedUrlNamingItAndWhatIsAccepted() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/weir"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:mysql://localhost/weir")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> Database.open("jdbc:sqlite::memory:"))
                .hasMessageContaining("jdbc:sqlite::memory:")
                .hasMessageContaining("in-memory");
    }

    @Test
    void defaultsToWeirDbUnderWeirHomeOrTheUsersDotWeir() {
        assertThat(Databases.weirHome(Map.of(), "/home/ada")).isEqualTo(Path.of("/home/ada/.weir"));
        assertThat(Databases.weirHome(Map.of("WEIR_HOME", "/srv/weir"), "/home/ada")).isEqualTo(Path.of("/srv/weir"));
        assertThat(Databases.defaultUrl(Map.of("WEIR_HOME", "/srv/weir"), "/home/ada"))
                .isEqualTo("jdbc:sqlite:/srv/weir/weir.db");
        assertThat(Databases.defaultUrl(Map.of("WEIR_DATABASE_URL", "jdbc:postgresql://db/weir"), "/home/ada"))
                .isEqualTo("jdbc:postgresql://db/weir");
        assertThat(Database.defaultUrl()).startsWith("jdbc:");
    }
}
