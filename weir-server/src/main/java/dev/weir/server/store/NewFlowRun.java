package dev.weir.server.store;

import dev.weir.orchestrator.FlowRunCreate;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What {@link FlowRunStore#create} needs: the client's request plus the server's additions.
 *
 * @param deploymentId the deployment the run comes from, or null
 * @param idempotencyKey a key unique per flow that makes a repeated create return the first run, or null
 * @param created the server time of creation
 * @param scheduleId the deployment schedule that made this run, for a run the scheduler created; else null
 */
public record NewFlowRun(FlowRunCreate create, UUID deploymentId, String idempotencyKey, Instant created, UUID scheduleId) {

    public NewFlowRun {
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(created, "created");
    }

    public NewFlowRun(FlowRunCreate create, UUID deploymentId, String idempotencyKey, Instant created) {
        this(create, deploymentId, idempotencyKey, created, null);
    }

    /** An ad-hoc run without deployment or idempotency key. */
    public static NewFlowRun of(FlowRunCreate create, Instant created) {
        return new NewFlowRun(create, null, null, created);
    }

    public NewFlowRun withDeployment(UUID id) {
        return new NewFlowRun(create, id, idempotencyKey, created, scheduleId);
    }

    public NewFlowRun withIdempotencyKey(String key) {
        return new NewFlowRun(create, deploymentId, key, created, scheduleId);
    }

    /** This run as made by the scheduler for a schedule of its deployment. */
    public NewFlowRun withSchedule(UUID id) {
        return new NewFlowRun(create, deploymentId, idempotencyKey, created, id);
    }

    /** When the run is due: its initial state's scheduled time, if it has one. */
    Instant expectedStartTime() {
        return create.initialState().details().scheduledTime();
    }
}
