package dev.weir.state;

import java.time.Instant;
import java.util.UUID;

/**
 * Facts a state carries beside its type and name: the run it belongs to, when a scheduled state is
 * due, whether a failure may be retried, the transition id that makes a proposal idempotent.
 *
 * <p>A wire type: absent facts are {@code null}. {@code retriable} is {@code true} unless a retry
 * condition said otherwise. {@code resultKey} is the storage key of the run's persisted result; {@code pause}
 * says, for a PAUSED state, until when it waits and what input it waits for.
 */
public record StateDetails(
        UUID flowRunId,
        UUID taskRunId,
        UUID childFlowRunId,
        Instant scheduledTime,
        String cacheKey,
        Instant cacheExpiration,
        boolean retriable,
        UUID transitionId,
        String resultKey,
        PauseDetails pause) {

    /** Details with nothing in them. */
    public static final StateDetails NONE = new StateDetails(null, null, null, null, null, null, true, null, null, null);

    /** These details with the time a scheduled state is due. */
    public StateDetails withScheduledTime(Instant time) {
        return new StateDetails(
                flowRunId, taskRunId, childFlowRunId, time, cacheKey, cacheExpiration, retriable, transitionId, resultKey, pause);
    }

    /** These details marked as not to be retried. */
    public StateDetails notRetriable() {
        return new StateDetails(
                flowRunId, taskRunId, childFlowRunId, scheduledTime, cacheKey, cacheExpiration, false, transitionId, resultKey, pause);
    }

    /** These details naming the child flow run a placeholder task run stands for. */
    public StateDetails withChildFlowRunId(UUID id) {
        return new StateDetails(flowRunId, taskRunId, id, scheduledTime, cacheKey, cacheExpiration, retriable, transitionId, resultKey, pause);
    }

    /** These details with the id that makes the proposal of this state idempotent. */
    public StateDetails withTransitionId(UUID id) {
        return new StateDetails(
                flowRunId, taskRunId, childFlowRunId, scheduledTime, cacheKey, cacheExpiration, retriable, id, resultKey, pause);
    }

    /** These details naming where the run's result is persisted. */
    public StateDetails withResultKey(String key) {
        return new StateDetails(flowRunId, taskRunId, childFlowRunId, scheduledTime, cacheKey, cacheExpiration, retriable,
                transitionId, key, pause);
    }

    /** These details with the cache key (and its expiry, or null for never) a completed state is stored under. */
    public StateDetails withCache(String key, Instant expiration) {
        return new StateDetails(flowRunId, taskRunId, childFlowRunId, scheduledTime, key, expiration, retriable, transitionId, resultKey, pause);
    }

    /** These details of a paused state: its timeout and the input it waits for. */
    public StateDetails withPause(PauseDetails details) {
        return new StateDetails(flowRunId, taskRunId, childFlowRunId, scheduledTime, cacheKey, cacheExpiration, retriable,
                transitionId, resultKey, details);
    }
}
