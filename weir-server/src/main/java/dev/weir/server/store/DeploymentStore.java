package dev.weir.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Deployments, one per (flow name, deployment name). Thread-safe. */
public interface DeploymentStore {

    /**
     * Creates the deployment (and its flow, if new) or, when one of that flow and name exists,
     * replaces its fields, keeping its id, creation time and paused flag.
     */
    UpsertedDeployment upsert(NewDeployment deployment, Instant now);

    Optional<DeploymentRecord> read(UUID id);

    Optional<DeploymentRecord> readByName(String flowName, String name);

    /** Deployments ordered by flow name, then name. */
    List<DeploymentRecord> list(DeploymentFilter filter, Page page);

    long count(DeploymentFilter filter);

    /**
     * Deletes the deployment with its schedules and its unstarted auto-scheduled runs; other runs
     * keep their deployment id. False if there was no such deployment.
     */
    boolean delete(UUID id);

    /**
     * Pauses or resumes the deployment; pausing deletes its unstarted auto-scheduled runs in the same
     * transaction. False if there is no such deployment.
     */
    boolean setPaused(UUID id, boolean paused, Instant now);

    /**
     * Due SCHEDULED runs of the deployments {@code deploymentIds} that are on no work pool (served by
     * a process of their own), earliest first, at most {@code limit}. Inside {@link
     * Database#inTransaction} on PostgreSQL the rows are locked until commit and rows another
     * transaction holds are skipped, so concurrent claimers get different runs.
     */
    List<FlowRunRecord> dueServedRuns(Collection<UUID> deploymentIds, Instant before, int limit);
}
