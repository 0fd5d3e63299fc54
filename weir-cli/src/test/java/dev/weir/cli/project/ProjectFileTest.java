package dev.weir.cli.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.schedule.CronSchedule;
import dev.weir.schedule.IntervalSchedule;
import dev.weir.schedule.RRuleSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectFileTest {

    private static final String FULL = """
            deployments:
              - name: nightly
                entrypoint: com.acme.TaxiEtl#etl
                classpath: [target/taxi.jar, "target/lib/*.jar"]
                work_pool: { name: local, work_queue_name: default, job_variables: { env: { TZ: "{{ $TZ }}" } } }
                parameters: { color: "{{ $COLOR }}", year: 2021 }
                schedules:
                  - { cron: "0 9 * * *", timezone: Europe/Berlin, active: false, parameters: { color: green } }
                  - { interval: 3600 }
                  - { rrule: "FREQ=WEEKLY;BYDAY=MO" }
                tags: [taxi]
                description: Nightly taxi load
                version: "{{ $VERSION }}-1"
                concurrency_limit: 1
              - name: adhoc
                entrypoint: com.acme.TaxiEtl#etl
                classpath: target/taxi.jar
            """;

    private static ProjectFile parse(String text, Map<String, String> env) {
        return ProjectFile.parse(text, "weir.yaml", Path.of("/project"), env);
    }

    @Test
    void readsEveryFieldWithEnvironmentTemplatesResolved() {
        ProjectFile file = parse(FULL, Map.of("TZ", "UTC", "COLOR", "yellow", "VERSION", "7"));

        assertThat(file.deployments()).hasSize(2);
        DeploymentSpec nightly = file.deployments().get(0);
        assertThat(nightly.name()).isEqualTo("nightly");
        assertThat(nightly.className()).isEqualTo("com.acme.TaxiEtl");
        assertThat(nightly.methodName()).isEqualTo("etl");
        assertThat(nightly.classpath()).containsExactly("target/taxi.jar", "target/lib/*.jar");
        assertThat(nightly.workPoolName()).isEqualTo("local");
        assertThat(nightly.workQueueName()).isEqualTo("default");
        assertThat(nightly.jobVariables()).isEqualTo(Map.of("env", Map.of("TZ", "UTC")));
        assertThat(nightly.parameters()).containsExactly(Map.entry("color", "yellow"), Map.entry("year", 2021));
        assertThat(nightly.tags()).containsExactly("taxi");
        assertThat(nightly.description()).isEqualTo("Nightly taxi load");
        assertThat(nightly.version()).isEqualTo("7-1");
        assertThat(nightly.concurrencyLimit()).isEqualTo(1);
        assertThat(nightly.schedules()).hasSize(3);
        assertThat(nightly.schedules().get(0).schedule())
                .isEqualTo(new CronSchedule("0 9 * * *", ZoneId.of("Europe/Berlin")));
        assertThat(nightly.schedules().get(0).active()).isFalse();
        assertThat(nightly.schedules().get(0).parameters()).isEqualTo(Map.of("color", "green"));
        assertThat(nightly.schedules().get(1).schedule()).isInstanceOfSatisfying(IntervalSchedule.class,
                interval -> assertThat(interval.interval()).isEqualTo(Duration.ofHours(1)));
        assertThat(nightly.schedules().get(2).schedule()).isInstanceOf(RRuleSchedule.class);

        DeploymentSpec adhoc = file.deployments().get(1);
        assertThat(adhoc.classpath()).containsExactly("target/taxi.jar");
        assertThat(adhoc.schedules()).isEmpty();
        assertThat(adhoc.workPoolName()).isNull();
    }

    @Test
    void aMissingEnvironmentVariableIsAnErrorNamingTheTemplateAndLine() {
        assertThatThrownBy(() -> parse(FULL, Map.of("TZ", "UTC", "VERSION", "7")))
                .isInstanceOf(ProjectFileException.class)
                .hasMessageContaining("weir.yaml line 6")
                .hasMessageContaining("{{ $COLOR }}")
                .hasMessageContaining("COLOR, which is not set");
    }

    @Test
    void weirVariablesAreRefusedNamingTheTemplate() {
        String text = """
                deployments:
                  - name: a
                    entrypoint: com.acme.A#run
                    classpath: [a.jar]
                    parameters: { token: "{{ weir.variables.api_token }}" }
                """;
        assertThatThrownBy(() -> parse(text, Map.of()))
                .hasMessageContaining("line 5")
                .hasMessageContaining("{{ weir.variables.api_token }}")
                .hasMessageContaining("no variables");
    }

    @Test
    void anUnknownKeyIsAnErrorNamingItTheAcceptedKeysAndTheLine() {
        String text = """
                deployments:
                  - name: a
                    entrypoint: com.acme.A#run
                    classpath: [a.jar]
                    workpool: { name: local }
                """;
        assertThatThrownBy(() -> parse(text, Map.of()))
                .hasMessage("weir.yaml line 5: unknown key 'workpool' in deployments[0]; accepted: name, entrypoint,"
                        + " classpath, work_pool, parameters, schedules, tags, description, version, concurrency_limit,"
                        + " enforce_parameter_schema");

        String schedule = """
                deployments:
                  - name: a
                    entrypoint: com.acme.A#run
                    classpath: [a.jar]
                    schedules:
                      - cron: "0 9 * * *"
                        tz: UTC
                """;
        assertThatThrownBy(() -> parse(schedule, Map.of()))
                .hasMessageContaining("line 7: unknown key 'tz' in deployments[0].schedules[0]; accepted: cron,"
                        + " interval, rrule, anchor_date, timezone");
    }

    @Test
    void aConcurrencyLimitIsANumberOrALimitWithItsCollisionStrategy() {
        String base = """
                deployments:
                  - name: a
                    entrypoint: com.acme.A#run
                    classpath: [a.jar]
                    concurrency_limit: %s
                """;
        DeploymentSpec plain = parse(base.formatted("2"), Map.of()).deployments().get(0);
        assertThat(plain.concurrencyLimit()).isEqualTo(2);
        assertThat(plain.collisionStrategy()).isNull();
        DeploymentSpec cancelling = parse(base.formatted("{ limit: 1, collision_strategy: CANCEL_NEW }"), Map.of())
                .deployments().get(0);
        assertThat(cancelling.concurrencyLimit()).isEqualTo(1);
        assertThat(cancelling.collisionStrategy()).isEqualTo("CANCEL_NEW");
        assertThatThrownBy(() -> parse(base.formatted("{ limit: 1, collision_strategy: DROP }"), Map.of()))
                .hasMessageContaining("line 5").hasMessageContaining("ENQUEUE").hasMessageContaining("'DROP'");
        assertThatThrownBy(() -> parse(base.formatted("{ limit: 1, strategy: ENQUEUE }"), Map.of()))
                .hasMessageContaining("line 5: unknown key 'strategy'");
    }

    @Test
    void badValuesAreErrorsSayingWhatIsAccepted() {
        String base = """
                deployments:
                  - name: a
                    entrypoint: %s
                    classpath: [a.jar]
                    schedules: [%s]
                """;
        assertThatThrownBy(() -> parse(base.formatted("com.acme.A", "{ interval: 60 }"), Map.of()))
                .hasMessageContaining("entrypoint must be a class and method");
        assertThatThrownBy(() -> parse(base.formatted("com.acme.A#run", "{ cron: \"0 9 * * *\", interval: 60 }"), Map.of()))
                .hasMessageContaining("exactly one of cron, interval or rrule; got cron and interval");
        assertThatThrownBy(() -> parse(base.formatted("com.acme.A#run", "{ cron: \"61 * * * *\" }"), Map.of()))
                .hasMessageContaining("line 5").hasMessageContaining("61");
        assertThatThrownBy(() -> parse("deployments: [ { name: a, entrypoint: \"com.A#b\" } ]", Map.of()))
                .hasMessageContaining("classpath is required");
        assertThatThrownBy(() -> parse("deployments:\n  - name: [a\n", Map.of()))
                .hasMessageContaining("not valid YAML");
        assertThat(parse(base.formatted("com.acme.A#run", "{ interval: PT2H }"), Map.of()).deployments().get(0)
                .schedules()).hasSize(1);
    }
}
