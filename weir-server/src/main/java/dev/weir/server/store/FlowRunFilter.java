package dev.weir.server.store;

import dev.weir.state.StateType;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which flow runs a listing or count returns; every criterion that is set must hold. Start from
 * {@link #all()} and narrow with the {@code with...} methods.
 *
 * @param stateTypes the run's current state type is one of these; empty means any
 * @param flowNames the run's flow has one of these names; empty means any
 * @param startTime the run's start time falls in this range (a run not yet started never does unless unbounded)
 * @param created the run's creation time falls in this range
 * @param parentTaskRunId the run is a subflow of this placeholder task run, or null for any
 * @param deploymentId the run was created from this deployment, or null for any
 * @param tags the run has every one of these tags; empty means any
 */
public record FlowRunFilter(
        Set<StateType> stateTypes,
        Set<String> flowNames,
        TimeRange startTime,
        TimeRange created,
        UUID parentTaskRunId,
        UUID deploymentId,
        Set<String> tags) {

    public FlowRunFilter {
        stateTypes = stateTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(stateTypes));
        flowNames = Set.copyOf(flowNames);
        startTime = startTime == null ? TimeRange.ANY : startTime;
        created = created == null ? TimeRange.ANY : created;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** Every flow run. */
    public static FlowRunFilter all() {
        return new FlowRunFilter(Set.of(), Set.of(), TimeRange.ANY, TimeRange.ANY, null, null, Set.of());
    }

    public FlowRunFilter withStateTypes(StateType first, StateType... more) {
        return withStateTypes(EnumSet.of(first, more));
    }

    public FlowRunFilter withStateTypes(Set<StateType> types) {
        return new FlowRunFilter(types, flowNames, startTime, created, parentTaskRunId, deploymentId, tags);
    }

    public FlowRunFilter withFlowNames(String... names) {
        return new FlowRunFilter(stateTypes, Set.of(names), startTime, created, parentTaskRunId, deploymentId, tags);
    }

    public FlowRunFilter withStartTime(TimeRange range) {
        return new FlowRunFilter(stateTypes, flowNames, range, created, parentTaskRunId, deploymentId, tags);
    }

    public FlowRunFilter withCreated(TimeRange range) {
        return new FlowRunFilter(stateTypes, flowNames, startTime, range, parentTaskRunId, deploymentId, tags);
    }

    public FlowRunFilter withParentTaskRun(UUID taskRunId) {
        return new FlowRunFilter(stateTypes, flowNames, startTime, created, taskRunId, deploymentId, tags);
    }

    public FlowRunFilter withDeployment(UUID id) {
        return new FlowRunFilter(stateTypes, flowNames, startTime, created, parentTaskRunId, id, tags);
    }

    public FlowRunFilter withTags(Set<String> all) {
        return new FlowRunFilter(stateTypes, flowNames, startTime, created, parentTaskRunId, deploymentId, all);
    }
}
