package dev.weir.api;

import dev.weir.schedule.Schedule;
import java.util.Map;

/**
 * One schedule of a deployment, as a client sends it.
 *
 * @param schedule when to run (the {@link Schedule} JSON: {@code {"type": "cron", ...}})
 * @param active whether the scheduler makes runs for it (default true)
 * @param parameters parameters laid over the deployment's for its runs
 * @param slug a name unique within the deployment, or null
 */
public record DeploymentScheduleCreate(Schedule schedule, Boolean active, Map<String, Object> parameters, String slug) {}
