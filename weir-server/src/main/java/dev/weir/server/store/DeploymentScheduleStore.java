package dev.weir.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The schedules of deployments, and what the scheduler needs to know of them. Thread-safe. */
public interface DeploymentScheduleStore {

    /**
     * Replaces every schedule of the deployment with {@code schedules}. In the same transaction it
     * deletes the deployment's unstarted (SCHEDULED, never run) auto-scheduled runs, so no run of an
     * old schedule survives the edit (Prefect issues #18894, #17703).
     *
     * @return the new schedules, in the order given
     * @throws java.util.NoSuchElementException if there is no such deployment
     */
    List<DeploymentScheduleRecord> replace(UUID deploymentId, List<NewDeploymentSchedule> schedules, Instant now);

    /** The deployment's schedules, oldest first. */
    List<DeploymentScheduleRecord> list(UUID deploymentId);

    /**
     * Activates or deactivates a schedule; deactivating deletes its unstarted auto-scheduled runs in
     * the same transaction. False if there is no such schedule.
     */
    boolean setActive(UUID scheduleId, boolean active, Instant now);

    /** The active schedules of unpaused deployments, by deployment then schedule id: the scheduler's work. */
    List<DeploymentScheduleRecord> listActive(Page page);

    /** The latest slot of an auto-scheduled run the schedule made that still exists, if any. */
    Optional<Instant> lastScheduled(UUID scheduleId);
}
