package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {

    private static final Pattern LISTENING = Pattern.compile(
            "Weir server listening on (http://127\\.0\\.0\\.1:\\d+) \\(API (http://127\\.0\\.0\\.1:\\d+/api)\\), database (\\S+);"
                    + " started in (\\d+\\.\\d\\d) s\n");

    @TempDir
    Path home;

    @Test
    void startPrintsWhereItListensAndServesUntilStopped() throws Exception {
        Cli cli = new Cli(Map.of("WEIR_HOME", home.toString()));

        Cli.Running server = cli.start("server", "start", "--port", "0");
        await().atMost(Duration.ofSeconds(20)).until(() -> server.stdout().contains("listening"));
        Matcher line = LISTENING.matcher(server.stdout());
        assertThat(line.matches()).as(server.stdout()).isTrue();
        assertThat(line.group(3)).isEqualTo("jdbc:sqlite:" + home.resolve("weir.db"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(line.group(2) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("ok");
        }

        server.thread().interrupt();

        assertThat(server.await()).isZero();
        assertThat(server.stdout()).endsWith("Weir server stopped.\n");
    }

    @Test
    void aPortOutOfRangeIsOneLineAndExitCode2() {
        Cli.Result result = new Cli(Map.of("WEIR_HOME", home.toString())).run("server", "start", "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: --port must be between 0 and 65535, got 70000\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aNonLoopbackHostWithoutAuthIsRefusedOnOneLineWithExitCode2() {
        Cli.Result result = new Cli(Map.of("WEIR_HOME", home.toString())).run("server", "start", "--host", "0.0.0.0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Refusing to listen on 0.0.0.0 without authentication")
                .contains("--allow-unauthenticated").hasLineCount(1);
    }

    @Test
    void aRunHeartbeatThatIsNotASpanOfSecondsIsAUsageErrorNamingTheSetting() {
        Cli.Result result = new Cli(Map.of("WEIR_HOME", home.toString(), "WEIR_RUN_HEARTBEAT_SECONDS", "often"))
                .run("server", "start", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: WEIR_RUN_HEARTBEAT_SECONDS must be a number of seconds")
                .contains("'often'").hasLineCount(1);
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        Cli.Result result = new Cli(Map.of("WEIR_HOME", home.toString())).run("server", "start", "--port", "http");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Invalid value for option '--port'").hasLineCount(1);
    }

    @Test
    void aGroupWithoutACommandAndAnUnknownCommandAreUsageErrors() {
        Cli cli = new Cli(Map.of("WEIR_HOME", home.toString()));

        assertThat(cli.run("server").exitCode()).isEqualTo(2);
        Cli.Result unknown = cli.run("flow-run", "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: Unmatched argument").contains("frobnicate");
    }
}
