package dev.weir.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The active schedules of unpaused deployments whose schedule or deployment was written at or after
     * {@code since} (by their {@code updated} times), ordered as {@link #listActive}: the scheduler's
     * quick rounds between full ones.
     */
    List<DeploymentScheduleRecord> listActiveChangedSince(Instant since, Page page);

    /** The latest slot of an auto-scheduled run the schedule made that still exists, if any. */
    Optional<Instant> lastScheduled(UUID scheduleId);

    /**
     * {@link #lastScheduled(UUID)} of each schedule, by schedule id; a schedule without such a run is
     * absent. Implementations read them in one statement.
     */
    default Map<UUID, Instant> lastScheduled(Collection<DeploymentScheduleRecord> schedules) {
        Map<UUID, Instant> last = new HashMap<>();
        for (DeploymentScheduleRecord schedule : schedules) {
            lastScheduled(schedule.id()).ifPresent(at -> last.put(schedule.id(), at));
        }
        return last;
    }
}
