package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkPoolCommandTest {

    @TempDir
    Path home;

    @Test
    void workPoolsAndQueuesAreCreatedListedLimitedPausedAndDeleted() {
        Cli cli = new Cli(Map.of("WEIR_HOME", home.toString()));

        assertThat(cli.run("work-pool", "create", "local", "--description", "this machine").exitCode()).isZero();
        assertThat(cli.run("work-pool", "set-concurrency-limit", "local", "3").exitCode()).isZero();
        assertThat(cli.run("work-queue", "create", "urgent", "--pool", "local", "--priority", "2").exitCode()).isZero();

        Cli.Result pools = cli.run("work-pool", "ls");
        assertThat(pools.out()).contains("local", "process", "3", "no");
        assertThat(cli.run("work-queue", "ls", "--pool", "local").out()).contains("default", "urgent");
        assertThat(cli.run("work-queue", "pause", "urgent", "--pool", "local").out()).contains("Paused queue 'urgent'");
        Cli.Result urgent = cli.run("work-queue", "inspect", "urgent", "--pool", "local");
        assertThat(urgent.out()).contains("\"paused\" : true", "\"priority\" : 2");
        assertThat(cli.run("work-queue", "resume", "urgent", "--pool", "local").exitCode()).isZero();
        assertThat(cli.run("work-queue", "inspect", "urgent", "--pool", "local").out()).contains("\"paused\" : false");
        Cli.Result unknown = cli.run("work-queue", "pause", "nope", "--pool", "local");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no queue 'nope'");
        assertThat(cli.run("work-pool", "pause", "local").exitCode()).isZero();
        Cli.Result inspected = cli.run("work-pool", "inspect", "local");
        assertThat(inspected.out()).contains("\"paused\" : true", "\"queues\"", "urgent", "\"workers\"");

        assertThat(cli.run("work-pool", "delete", "local").out()).contains("Deleted work pool 'local'");
        Cli.Result missing = cli.run("work-pool", "inspect", "local");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error:").contains("local");
    }

    @Test
    void aNegativeLimitIsRefusedAsBadInput() {
        Cli.Result result = new Cli(Map.of("WEIR_HOME", home.toString())).run("work-pool", "set-concurrency-limit", "local", "-1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("LIMIT must be 0 or more, got -1");
    }
}
