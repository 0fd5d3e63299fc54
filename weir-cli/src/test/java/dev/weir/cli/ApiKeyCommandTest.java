package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.state.StateType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {

    @TempDir
    Path home;

    @Test
    void aCreatedKeyIsShownOnceAndOpensAServerWithAuth() {
        Cli local = new Cli(Map.of("WEIR_HOME", home.toString()));
        Cli.Result created = local.run("api-key", "create", "--name", "ci", "--role", "developer");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).startsWith("weir_");
        assertThat(created.err()).contains("Created API key 'ci' (developer)").contains("cannot be shown again");

        try (TestApi api = TestApi.start(home, true)) {
            api.withKey(key).flowRun("crimson-otter", "etl", StateType.RUNNING);
            Cli remote = local.with("WEIR_API_URL", api.apiUrl().toString());

            Cli.Result withKey = remote.with("WEIR_API_KEY", key).run("flow-run", "ls");
            Cli.Result withoutKey = remote.run("flow-run", "ls");

            assertThat(withKey.exitCode()).as(withKey.err()).isZero();
            assertThat(withKey.out()).contains("crimson-otter");
            assertThat(withoutKey.exitCode()).isEqualTo(1);
            assertThat(withoutKey.err()).startsWith("error: This server needs an API key");
        }
        assertThat(local.run("api-key", "ls").out()).contains("ci", "developer", "no").doesNotContain(key);
    }

    @Test
    void aRevokedKeyIsListedAsRevokedAndAnUnknownIdFails() {
        Cli local = new Cli(Map.of("WEIR_HOME", home.toString()));
        local.run("api-key", "create", "--name", "old", "--role", "viewer");
        String id = local.run("api-key", "ls").out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

        Cli.Result revoked = local.run("api-key", "revoke", id);
        Cli.Result again = local.run("api-key", "revoke", "0190c3a2-7b1e-7c4d-9f00-3a5b6c7d8e9f");

        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertThat(local.run("api-key", "ls").out().lines().skip(1).findFirst().orElseThrow()).endsWith("yes");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: No API key with id 0190c3a2-7b1e-7c4d-9f00-3a5b6c7d8e9f");
    }

    @Test
    void anUnknownRoleIsAUsageErrorNamingTheRoles() {
        Cli.Result result = new Cli(Map.of("WEIR_HOME", home.toString())).run("api-key", "create", "--name", "x", "--role", "root");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown role 'root'; accepted: admin, developer, viewer").hasLineCount(1);
    }
}
