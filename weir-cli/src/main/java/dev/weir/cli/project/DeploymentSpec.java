package dev.weir.cli.project;

import dev.weir.api.DeploymentScheduleCreate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code deployments:} in {@code weir.yaml}, templates resolved. Only {@code name},
 * {@code entrypoint} and {@code classpath} are required; absent collections are empty.
 *
 * @param entrypoint the flow method, such as {@code com.acme.TaxiEtl#etl}
 * @param classpath the files (globs allowed, relative to the project folder) that make the bundle
 * @param schedules the deployment's schedules, which replace the server's on deploy
 * @param collisionStrategy ENQUEUE or CANCEL_NEW when the concurrency limit is reached, or null for ENQUEUE
 * @param source the file's name, for errors
 * @param lines the line of each key of the deployment's entry in the file, when known
 */
public record DeploymentSpec(
        String name,
        String entrypoint,
        List<String> classpath,
        String workPoolName,
        String workQueueName,
        Map<String, Object> jobVariables,
        Map<String, Object> parameters,
        List<DeploymentScheduleCreate> schedules,
        List<String> tags,
        String description,
        String version,
        Integer concurrencyLimit,
        String collisionStrategy,
        Boolean enforceParameterSchema,
        String source,
        Map<String, Integer> lines) {

    public DeploymentSpec {
        classpath = List.copyOf(classpath);
        jobVariables = Map.copyOf(jobVariables);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        schedules = List.copyOf(schedules);
        tags = List.copyOf(tags);
        lines = Map.copyOf(lines);
    }

    /** Where {@code key} of this deployment is written, for errors: {@code weir.yaml line 4}, or the file alone. */
    public String at(String key) {
        Integer line = lines.getOrDefault(key, lines.get("name"));
        return source + (line == null ? "" : " line " + line);
    }

    /** The class part of the entrypoint. */
    public String className() {
        return entrypoint.substring(0, entrypoint.indexOf('#'));
    }

    /** The method part of the entrypoint. */
    public String methodName() {
        return entrypoint.substring(entrypoint.indexOf('#') + 1);
    }
}
