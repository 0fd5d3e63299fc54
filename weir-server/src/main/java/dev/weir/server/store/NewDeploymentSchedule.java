package dev.weir.server.store;

import dev.weir.schedule.Schedule;
import java.util.Map;
import java.util.Objects;

/**
 * A schedule to store for a deployment.
 *
 * @param parameters laid over the deployment's parameters for the runs it makes
 * @param slug a name for the schedule within its deployment, or null
 */
public record NewDeploymentSchedule(Schedule schedule, boolean active, Map<String, Object> parameters, String slug) {

    public NewDeploymentSchedule {
        Objects.requireNonNull(schedule, "schedule");
        parameters = parameters == null ? Map.of() : parameters;
    }
}
