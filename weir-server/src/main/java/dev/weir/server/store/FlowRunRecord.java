package dev.weir.server.store;

import dev.weir.run.FlowRun;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A flow run as stored: the shared {@link FlowRun} plus what only the server keeps.
 *
 * @param deploymentId the deployment the run was created from, or null for an ad-hoc run
 * @param idempotencyKey the key that makes a create idempotent per flow, or null
 * @param expectedStartTime when the run is due (its scheduled time), or null if it was not scheduled
 * @param version increases by one with every write; the token of {@link FlowRunStore#writeState}
 * @param scheduleId the deployment schedule whose scheduler made the run, or null for a run made otherwise
 */
public record FlowRunRecord(
        FlowRun run,
        UUID flowId,
        UUID deploymentId,
        String idempotencyKey,
        Instant expectedStartTime,
        Instant updated,
        long version,
        UUID scheduleId) {

    public UUID id() {
        return run.id();
    }

    /** Whether the scheduler created this run for one of its deployment's schedules. */
    public boolean autoScheduled() {
        return scheduleId != null;
    }

    public Optional<UUID> deployment() {
        return Optional.ofNullable(deploymentId);
    }
}
