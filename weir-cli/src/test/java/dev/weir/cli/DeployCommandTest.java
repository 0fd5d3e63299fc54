package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.cli.deploytest.TaxiEtl;
import dev.weir.core.Json;
import dev.weir.state.StateType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

    private static final String WEIR_YAML = """
            deployments:
              - name: nightly
                entrypoint: dev.weir.cli.deploytest.TaxiEtl#etl
                classpath: [target/taxi.jar, "target/lib/*.jar"]
                work_pool: { name: local, work_queue_name: default, job_variables: { env: { TZ: UTC } } }
                parameters: { color: "{{ $COLOR }}", month: 3 }
                schedules:
                  - { cron: "0 9 * * *", timezone: Europe/Berlin }
                  - { interval: 3600, active: false }
                tags: [taxi]
                concurrency_limit: 1
            """;

    @TempDir
    Path home;

    @TempDir
    Path project;

    private TestApi api;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        api = TestApi.start(home, false);
        cli = new Cli(Map.of("WEIR_HOME", home.toString(), "WEIR_API_URL", api.apiUrl().toString(), "COLOR", "yellow"));
        jarFlowClasses(project.resolve("target/taxi.jar"));
        Files.createDirectories(project.resolve("target/lib"));
        Files.writeString(project.resolve("target/lib/extra.jar"), "not really a jar");
        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Jars the compiled classes of {@link TaxiEtl}'s package from the test class path. */
    private static void jarFlowClasses(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(TaxiEtl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve("dev/weir/cli/deploytest");
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.list(pkg)) {
            for (Path classFile : files.sorted().toList()) {
                JarEntry entry = new JarEntry(classes.relativize(classFile).toString().replace('\\', '/'));
                entry.setTime(0);
                out.putNextEntry(entry);
                Files.copy(classFile, out);
                out.closeEntry();
            }
        }
    }

    private Cli.Result deploy() {
        return cli.run("deploy", "--file", project.resolve("weir.yaml").toString());
    }

    private JsonNode inspect(String name) throws IOException {
        Cli.Result result = cli.run("deployment", "inspect", name);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Json.mapper().readTree(result.out());
    }

    @Test
    void deployUploadsTheBundleAndStoresTheDeploymentWithSchemaAndSchedules() throws IOException {
        Cli.Result result = deploy();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Deployed taxi-etl/nightly", "uploaded", "2 schedule(s)", "work pool local");
        JsonNode deployment = inspect("taxi-etl/nightly");
        assertThat(deployment.path("entrypoint").asText()).isEqualTo("dev.weir.cli.deploytest.TaxiEtl#etl");
        assertThat(deployment.path("parameters")).isEqualTo(Json.mapper().readTree("{\"color\": \"yellow\", \"month\": 3}"));
        JsonNode month = deployment.path("parameterSchema").path("properties").path("month");
        assertThat(month.path("type").asText()).isEqualTo("integer");
        assertThat(month.path("maximum").asInt()).isEqualTo(12);
        assertThat(deployment.path("parameterSchema").path("required").toString()).contains("month");
        String sha256 = deployment.path("jobVariables").path("bundle").asText();
        assertThat(sha256).matches("[0-9a-f]{64}");
        assertThat(deployment.path("jobVariables").path("classpath").toString())
                .isEqualTo("[\"target/lib/extra.jar\",\"target/taxi.jar\"]");
        assertThat(deployment.path("jobVariables").path("env").path("TZ").asText()).isEqualTo("UTC");
        assertThat(deployment.path("workPoolName").asText()).isEqualTo("local");
        assertThat(deployment.path("concurrencyLimit").asInt()).isEqualTo(1);
        assertThat(deployment.path("schedules")).hasSize(2);
        assertThat(deployment.path("schedules").get(0).path("schedule").path("cron").asText()).isEqualTo("0 9 * * *");
        assertThat(deployment.path("schedules").get(1).path("active").asBoolean()).isFalse();
        assertThat(home.resolve("bundles").resolve(sha256)).exists();

        Cli.Result schedules = cli.run("deployment", "schedule", "ls", "nightly");
        assertThat(schedules.out()).contains("cron 0 9 * * *", "Europe/Berlin", "every 3600 s");
    }

    @Test
    void redeployingIsIdempotentAndReplacesTheSchedulesWithTheFilesOnes() throws IOException {
        assertThat(deploy().exitCode()).isZero();
        JsonNode first = inspect("nightly");

        Cli.Result again = deploy();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("already on the server");
        JsonNode second = inspect("nightly");
        assertThat(second.path("id")).isEqualTo(first.path("id"));
        assertThat(second.path("jobVariables").path("bundle")).isEqualTo(first.path("jobVariables").path("bundle"));
        assertThat(second.path("schedules")).hasSize(2);

        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML
                .replace("      - { interval: 3600, active: false }\n", "")
                .replace("0 9 * * *", "30 6 * * 1"));
        assertThat(deploy().exitCode()).isZero();
        JsonNode third = inspect("nightly");
        assertThat(third.path("schedules")).hasSize(1);
        assertThat(third.path("schedules").get(0).path("schedule").path("cron").asText()).isEqualTo("30 6 * * 1");
        try (Stream<Path> bundles = Files.list(home.resolve("bundles"))) {
            assertThat(bundles).hasSize(1);
        }
    }

    @Test
    void aBadProjectFileIsAUsageErrorOnOneLine() throws IOException {
        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML.replace("tags:", "labels:"));
        Cli.Result result = deploy();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: weir.yaml line 10: unknown key 'labels'").hasLineCount(1);

        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML);
        Cli.Result unset = cli.without("COLOR").run("deploy", "--file", project.resolve("weir.yaml").toString());
        assertThat(unset.exitCode()).isEqualTo(2);
        assertThat(unset.err()).contains("weir.yaml line 6", "{{ $COLOR }}");
    }

    @Test
    void aMissingEntrypointClassIsAnErrorNamingTheFileTheLineAndTheFix() throws IOException {
        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML.replace("TaxiEtl#etl", "TaxiLoad#etl"));

        Cli.Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: weir.yaml line 3: deployment 'nightly': entrypoint"
                        + " dev.weir.cli.deploytest.TaxiLoad#etl: class dev.weir.cli.deploytest.TaxiLoad is not in the classpath")
                .contains("build the project so that the class is in the classpath's jars or folders, or fix the class name"
                        + " or the classpath")
                .hasLineCount(1);
    }

    @Test
    void oneBadDeploymentAmongGoodOnesRegistersNoneOfThem() throws IOException {
        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML + """
                  - name: weekly
                    entrypoint: dev.weir.cli.deploytest.TaxiEtl#etl
                    classpath: [target/taxi.jar]
                  - name: broken
                    entrypoint: dev.weir.cli.deploytest.TaxiEtl#load
                    classpath: [target/taxi.jar]
                  - name: unbuilt
                    entrypoint: dev.weir.cli.deploytest.TaxiEtl#etl
                    classpath: [target/other.jar]
                """);

        Cli.Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: weir.yaml line 16: deployment 'broken': entrypoint"
                + " dev.weir.cli.deploytest.TaxiEtl#load: dev.weir.cli.deploytest.TaxiEtl has no non-private method load")
                .hasLineCount(1);
        assertThat(result.out()).isEmpty();
        assertThat(cli.run("deployment", "ls").out()).contains("No deployments");
        assertThat(home.resolve("bundles")).doesNotExist();

        Files.writeString(project.resolve("weir.yaml"), WEIR_YAML + """
                  - name: unbuilt
                    entrypoint: dev.weir.cli.deploytest.TaxiEtl#etl
                    classpath: [target/other.jar]
                """);
        Cli.Result unbuilt = deploy();
        assertThat(unbuilt.err()).startsWith("error: weir.yaml line 14: deployment 'unbuilt': classpath entry"
                + " 'target/other.jar' matches no file in").contains("build the project first, or fix the path");
        assertThat(cli.run("deployment", "ls").out()).contains("No deployments");
    }

    @Test
    void runRefusesParametersTheSchemaRejectsNamingTheParameter() {
        assertThat(deploy().exitCode()).isZero();

        Cli.Result result = cli.run("deployment", "run", "nightly", "--param", "month=13");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ").contains("month").contains("(field: parameters.month)").hasLineCount(1);
    }

    @Test
    void runCreatesARunWithTypedParametersDueLater() throws IOException {
        assertThat(deploy().exitCode()).isZero();

        Cli.Result result = cli.run("deployment", "run", "taxi-etl/nightly", "--params", "{\"color\": \"green\"}",
                "--param", "month=7", "--start-in", "10m");

        assertThat(result.exitCode()).as(result.err()).isZero();
        UUID id = runId(result.out());
        JsonNode run = Json.mapper().readTree(cli.run("flow-run", "inspect", id.toString()).out()).path("flowRun");
        assertThat(run.path("parameters")).isEqualTo(Json.mapper().readTree("{\"color\": \"green\", \"month\": 7}"));
        assertThat(run.path("state").path("type").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void runWatchFollowsTheRunUntilItIsFinalAndExitsZeroWhenCompleted() throws Exception {
        assertThat(deploy().exitCode()).isZero();

        Cli.Running watching = cli.start("deployment", "run", "nightly", "--watch");
        await().atMost(Duration.ofSeconds(10)).until(() -> watching.stdout().contains("Created flow run"));
        UUID id = runId(watching.stdout());
        api.setState(id, StateType.PENDING);
        api.setState(id, StateType.RUNNING);
        api.log(id, null, "INFO", "loading yellow taxis");
        api.setState(id, StateType.COMPLETED);

        assertThat(watching.await()).as(watching.stderr()).isZero();
        assertThat(watching.stdout()).contains("loading yellow taxis");
        assertThat(watching.stderr()).contains("is Completed.");
    }

    @Test
    void lsPauseResumeAndDeleteActOnTheNamedDeployment() throws IOException {
        assertThat(deploy().exitCode()).isZero();

        Cli.Result ls = cli.run("deployment", "ls");
        assertThat(ls.out()).contains("NAME", "taxi-etl/nightly", "dev.weir.cli.deploytest.TaxiEtl#etl", "local", "ready");

        assertThat(cli.run("deployment", "pause", "nightly").out()).isEqualTo("Paused taxi-etl/nightly.\n");
        assertThat(inspect("nightly").path("paused").asBoolean()).isTrue();
        assertThat(cli.run("deployment", "ls").out()).contains("paused");
        assertThat(cli.run("deployment", "resume", "taxi-etl/nightly").out()).isEqualTo("Resumed taxi-etl/nightly.\n");
        assertThat(inspect("nightly").path("paused").asBoolean()).isFalse();

        assertThat(cli.run("deployment", "delete", "nightly").out()).isEqualTo("Deleted taxi-etl/nightly.\n");
        Cli.Result gone = cli.run("deployment", "inspect", "nightly");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("No deployment 'nightly'");
        assertThat(cli.run("deployment", "ls").out()).contains("No deployments");
    }

    @Test
    void schedulePauseAndResumeFlipOneScheduleAndKeepTheOthersAsTheyWere() throws IOException {
        assertThat(deploy().exitCode()).isZero();
        JsonNode before = inspect("nightly").path("schedules");

        Cli.Result paused = cli.run("deployment", "schedule", "pause", "nightly", "1");

        assertThat(paused.exitCode()).as(paused.err()).isZero();
        assertThat(paused.out()).startsWith("Paused the schedule 1 (cron 0 9 * * *) of taxi-etl/nightly; its unstarted"
                + " runs were deleted. Its id is now ");
        JsonNode after = inspect("nightly").path("schedules");
        assertThat(after).hasSize(2);
        assertThat(after.get(0).path("active").asBoolean()).isFalse();
        assertThat(after.get(1).path("active").asBoolean()).isFalse();
        assertThat(after.get(0).path("schedule")).isEqualTo(before.get(0).path("schedule"));
        assertThat(after.get(1).path("schedule")).isEqualTo(before.get(1).path("schedule"));
        assertThat(cli.run("deployment", "schedule", "ls", "nightly").out().lines().skip(1))
                .satisfiesExactly(line -> assertThat(line).startsWith("1 ").contains("cron 0 9 * * *", " no "),
                        line -> assertThat(line).startsWith("2 ").contains("every 3600 s", " no "));

        String id = after.get(0).path("id").asText();
        Cli.Result resumed = cli.run("deployment", "schedule", "resume", "taxi-etl/nightly", id);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).startsWith("Resumed the schedule 1 (cron 0 9 * * *) of taxi-etl/nightly. Its id is now ");
        JsonNode again = inspect("nightly").path("schedules");
        assertThat(again.get(0).path("active").asBoolean()).isTrue();
        assertThat(again.get(1).path("active").asBoolean()).isFalse();
        assertThat(again.get(0).path("schedule").path("timezone").asText()).isEqualTo("Europe/Berlin");

        assertThat(cli.run("deployment", "schedule", "pause", "nightly", "2").out())
                .isEqualTo("The schedule 2 (every 3600 s) of taxi-etl/nightly is already paused.\n");
    }

    @Test
    void aScheduleThatDoesNotExistIsAnErrorSayingHowToListThem() {
        assertThat(deploy().exitCode()).isZero();

        Cli.Result number = cli.run("deployment", "schedule", "pause", "nightly", "3");
        Cli.Result id = cli.run("deployment", "schedule", "pause", "nightly", "0190c3a2-7b1e-7c4d-9f00-3a5b6c7d8e9f");

        assertThat(number.exitCode()).isEqualTo(2);
        assertThat(number.err()).isEqualTo("error: SCHEDULE # must be between 1 and 2 for taxi-etl/nightly, got 3;"
                + " 'weir deployment schedule ls' lists them\n");
        assertThat(id.exitCode()).isEqualTo(1);
        assertThat(id.err()).contains("has no schedule '0190c3a2-7b1e-7c4d-9f00-3a5b6c7d8e9f'", "schedule ls");
    }

    private static UUID runId(String out) {
        Matcher matcher = Pattern.compile("\\(([0-9a-f-]{36})\\)").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return UUID.fromString(matcher.group(1));
    }

    @Test
    void paramValuesAreJsonWhenTheyParseAndTextOtherwise() {
        assertThat(DeploymentCommand.parameters(List.of("n=3", "ok=true", "name=yellow", "list=[1,2]", "s=\"3\""), null))
                .containsExactly(Map.entry("n", 3), Map.entry("ok", true), Map.entry("name", "yellow"),
                        Map.entry("list", List.of(1, 2)), Map.entry("s", "3"));
    }
}
