package dev.weir.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.WeirException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesFileTest {

    @TempDir
    Path home;

    @Test
    void writtenProfilesReadBackEqualEscapesIncluded() {
        Profiles profiles = Profiles.empty().with("WEIR_API_KEY", "a\"b\\c\td\u0001").withProfile("ci").withActive("ci")
                .with("WEIR_API_URL", "http://ci.example/api");
        Path file = home.resolve("nested/profiles.toml");

        ProfilesFile.write(file, profiles);

        assertThat(ProfilesFile.read(file)).isEqualTo(profiles);
    }

    @Test
    void commentsLiteralStringsAndTrailingCommentsAreRead() {
        Profiles profiles = ProfilesFile.parse("""
                # mine
                active = 'dev'   # the one in use
                [profiles.dev]
                WEIR_API_URL = "http://x/api" # local
                WEIR_API_KEY = 'C:\\raw'
                """, "test");

        assertThat(profiles.active()).isEqualTo("dev");
        assertThat(profiles.byName()).containsOnlyKeys("dev", "default");
        assertThat(profiles.activeSettings()).isEqualTo(Map.of("WEIR_API_URL", "http://x/api", "WEIR_API_KEY", "C:\\raw"));
    }

    @Test
    void aMissingFileIsTheEmptyDefaultProfile() {
        assertThat(ProfilesFile.read(home.resolve("none.toml"))).isEqualTo(Profiles.empty());
    }

    @Test
    void whatIsOutsideTheSubsetIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> ProfilesFile.parse("active = \"default\"\ncolor = \"blue\"\n", "p.toml"))
                .isInstanceOf(WeirException.class)
                .hasMessage("Cannot read p.toml, line 2: the only top-level key is 'active', got 'color'");
        assertThatThrownBy(() -> ProfilesFile.parse("[profiles.x]\nA = \"open\n", "p.toml"))
                .hasMessageContaining("line 2: unterminated string");
    }

    @Test
    void settingsResolveFromEnvironmentThenProfileThenDefault() {
        Profiles profiles = Profiles.empty().with("WEIR_RETENTION_DAYS", "7").with("WEIR_API_URL", "http://p/api");
        Settings settings = new Settings(Map.of("WEIR_API_URL", "http://env/api", "WEIR_LOGGING_LEVEL", " "), home, profiles);

        assertThat(settings.resolve(Setting.WEIR_API_URL).source()).isEqualTo(Settings.Source.ENVIRONMENT);
        assertThat(settings.apiUrl()).hasValueSatisfying(url -> assertThat(url.toString()).isEqualTo("http://env/api"));
        assertThat(settings.retentionDays()).isEqualTo(7);
        assertThat(settings.loggingLevel()).isEqualTo("INFO");
        assertThat(settings.apiKey()).isEmpty();
        assertThat(settings.databaseUrl()).isEqualTo("jdbc:sqlite:" + home.resolve("weir.db"));
    }
}
