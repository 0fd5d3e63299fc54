package dev.weir.api;

import java.util.Map;

/**
 * The body of {@code POST /api/work_pools}: creates the pool named {@code name}, or updates it when it
 * exists. Only {@code name} is required.
 *
 * @param type the kind of infrastructure its workers start; only {@code process} (a child JVM) for now
 * @param baseJobTemplate {@code variables} (a JSON Schema of the fields a deployment may override,
 *     with defaults) and {@code job_configuration} (the job, using {@code {{ name }}} placeholders)
 * @param concurrencyLimit at most this many PENDING or RUNNING runs in the pool; null for no limit
 * @param paused whether workers get no runs from it (default false)
 */
public record WorkPoolCreate(
        String name, String type, String description, Map<String, Object> baseJobTemplate, Integer concurrencyLimit,
        Boolean paused) {}
