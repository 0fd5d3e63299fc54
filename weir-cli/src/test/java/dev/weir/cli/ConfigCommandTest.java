package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @TempDir
    Path home;

    private Cli cli() {
        return new Cli(Map.of("WEIR_HOME", home.toString()));
    }

    @Test
    void setViewUnsetRoundTripThroughTheProfilesFile() throws Exception {
        Cli.Result set = cli().run("config", "set", "WEIR_API_URL=http://127.0.0.1:4300/api", "WEIR_RETENTION_DAYS=7");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(Files.readString(home.resolve("profiles.toml"))).contains("active = \"default\"", "[profiles.default]",
                "WEIR_API_URL = \"http://127.0.0.1:4300/api\"", "WEIR_RETENTION_DAYS = \"7\"");
        assertThat(cli().run("config", "view").out()).contains(
                "WEIR_PROFILE='default'",
                "WEIR_API_URL='http://127.0.0.1:4300/api' (from profile)",
                "WEIR_RETENTION_DAYS='7' (from profile)",
                "WEIR_LOGGING_LEVEL='INFO' (from default)",
                "WEIR_DATABASE_URL='jdbc:sqlite:" + home.resolve("weir.db") + "' (from default)",
                "WEIR_API_KEY (not set)");

        Cli.Result unset = cli().run("config", "unset", "WEIR_API_URL");

        assertThat(unset.out()).isEqualTo("Unset WEIR_API_URL in profile 'default'.\n");
        assertThat(cli().run("config", "view").out()).contains("WEIR_API_URL (not set)", "WEIR_RETENTION_DAYS='7' (from profile)");
    }

    @Test
    void theEnvironmentWinsOverTheProfileWhichWinsOverTheDefault() {
        cli().run("config", "set", "WEIR_LOGGING_LEVEL=DEBUG", "WEIR_RETENTION_DAYS=7");

        Cli.Result view = cli().with("WEIR_LOGGING_LEVEL", "ERROR").run("config", "view");
        Cli.Result set = cli().with("WEIR_LOGGING_LEVEL", "ERROR").run("config", "set", "WEIR_LOGGING_LEVEL=WARN");

        assertThat(view.out()).contains("WEIR_LOGGING_LEVEL='ERROR' (from env)", "WEIR_RETENTION_DAYS='7' (from profile)",
                "WEIR_RESULTS_PERSIST_BY_DEFAULT='false' (from default)");
        assertThat(set.err()).contains("WEIR_LOGGING_LEVEL is also set in the environment, which takes precedence");
    }

    @Test
    void theApiKeyIsMaskedUnlessSecretsAreAskedFor() {
        Cli.Result set = cli().run("config", "set", "WEIR_API_KEY=weir_secret123");

        assertThat(set.out()).doesNotContain("weir_secret123");
        assertThat(cli().run("config", "view").out()).contains("WEIR_API_KEY='********' (from profile)")
                .doesNotContain("weir_secret123");
        assertThat(cli().run("config", "view", "--show-secrets").out()).contains("WEIR_API_KEY='weir_secret123'");
    }

    @Test
    void anUnknownKeyOrBadValueIsAUsageErrorNamingWhatIsAccepted() {
        Cli.Result unknown = cli().run("config", "set", "WEIR_COLOR=blue");
        Cli.Result badValue = cli().run("config", "set", "WEIR_RETENTION_DAYS=forever");
        Cli.Result noEquals = cli().run("config", "set", "WEIR_API_URL");
        Cli.Result unsetUnknown = cli().run("config", "unset", "PREFECT_API_URL");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: Unknown setting 'WEIR_COLOR'; accepted: WEIR_API_URL, WEIR_API_KEY,"
                + " WEIR_DATABASE_URL, WEIR_LOGGING_LEVEL, WEIR_RETENTION_DAYS, WEIR_RESULTS_PERSIST_BY_DEFAULT\n");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).contains("WEIR_RETENTION_DAYS must be a whole number of days").contains("'forever'");
        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(unsetUnknown.exitCode()).isEqualTo(2);
        assertThat(home.resolve("profiles.toml")).doesNotExist();
    }

    @Test
    void profilesAreCreatedSwitchedListedAndDeleted() {
        cli().run("config", "set", "WEIR_API_URL=http://default.example/api");

        assertThat(cli().run("config", "profile", "create", "staging").exitCode()).isZero();
        assertThat(cli().run("config", "profile", "use", "staging").out()).isEqualTo("Now using profile 'staging'.\n");
        cli().run("config", "set", "WEIR_API_URL=http://staging.example/api");

        assertThat(cli().run("config", "profile", "ls").out()).isEqualTo("  default\n* staging\n");
        assertThat(cli().run("config", "view").out()).contains("WEIR_PROFILE='staging'",
                "WEIR_API_URL='http://staging.example/api' (from profile)");

        Cli.Result deleteActive = cli().run("config", "profile", "delete", "staging");
        assertThat(deleteActive.exitCode()).isEqualTo(1);
        assertThat(deleteActive.err()).contains("is active and cannot be deleted");

        cli().run("config", "profile", "use", "default");
        assertThat(cli().run("config", "view").out()).contains("WEIR_API_URL='http://default.example/api' (from profile)");
        assertThat(cli().run("config", "profile", "delete", "staging").exitCode()).isZero();
        assertThat(cli().run("config", "profile", "ls").out()).isEqualTo("* default\n");
    }

    @Test
    void profileMistakesAreReported() {
        Cli.Result missing = cli().run("config", "profile", "use", "prod");
        cli().run("config", "profile", "create", "prod");
        Cli.Result twice = cli().run("config", "profile", "create", "prod");
        Cli.Result badName = cli().run("config", "profile", "create", "my profile");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: No profile named 'prod'; profiles: default\n");
        assertThat(twice.err()).isEqualTo("error: Profile 'prod' already exists\n");
        assertThat(badName.exitCode()).isEqualTo(2);
    }

    @Test
    void clientCommandsUseTheApiUrlOfTheActiveProfile() {
        cli().run("config", "set", "WEIR_API_URL=http://127.0.0.1:1/api");

        Cli.Result result = cli().run("flow", "ls");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: Cannot reach the Weir API at http://127.0.0.1:1/api");
    }

    @Test
    void aBrokenProfilesFileNamesTheLine() throws Exception {
        Files.writeString(home.resolve("profiles.toml"), "active = \"default\"\n[profiles.default]\nWEIR_API_URL = http://x\n");

        Cli.Result result = cli().run("config", "view");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: Cannot read " + home.resolve("profiles.toml")
                + ", line 3: values must be quoted strings, got: http://x\n");
    }
}
