package dev.weir.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.core.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobVariablesTest {

    private static JsonNode json(Object value) {
        return Json.mapper().valueToTree(value);
    }

    @Test
    void theDeploymentsJobVariablesOverrideThePoolsDefaults() {
        JsonNode pool = json(Map.of("baseJobTemplate", Map.of("variables", Map.of("properties", Map.of(
                "classpath", Map.of("type", "string", "default", "/pool/lib/*"),
                "working_dir", Map.of("type", "string", "default", "/tmp"),
                "env", Map.of("type", "object", "default", Map.of("REGION", "eu", "COUNT", 3)),
                "labels", Map.of("type", "object"))))));
        JsonNode deployment = json(Map.of("jobVariables", Map.of("classpath", "/bundle/etl.jar")));

        JobVariables variables = JobVariables.of(pool, deployment);

        assertThat(variables.text("classpath")).contains("/bundle/etl.jar");
        assertThat(variables.text("working_dir")).contains("/tmp");
        assertThat(variables.text("labels")).isEmpty();
        assertThat(variables.env()).isEqualTo(Map.of("REGION", "eu"));
    }

    @Test
    void aPoolWithoutTemplateAndADeploymentWithoutVariablesHaveNone() {
        JobVariables variables = JobVariables.of(json(Map.of("name", "local")), json(Map.of("name", "d")));

        assertThat(variables.values()).isEmpty();
        assertThat(variables.env()).isEmpty();
    }
}
