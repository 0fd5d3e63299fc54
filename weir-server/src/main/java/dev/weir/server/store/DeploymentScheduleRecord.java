package dev.weir.server.store;

import dev.weir.schedule.Schedule;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A schedule of a deployment as stored; an inactive one makes no runs. */
public record DeploymentScheduleRecord(
        UUID id,
        UUID deploymentId,
        Schedule schedule,
        boolean active,
        Map<String, Object> parameters,
        String slug,
        Instant created,
        Instant updated) {}
