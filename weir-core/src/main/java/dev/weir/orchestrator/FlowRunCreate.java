package dev.weir.orchestrator;

import dev.weir.run.RetryPolicy;
import dev.weir.state.State;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to create a flow run.
 *
 * @param id the id the client chose, so that a retried create is idempotent
 * @param parentTaskRunId the placeholder task run in the parent flow run, for a subflow; else null
 */
public record FlowRunCreate(
        UUID id,
        String name,
        String flowName,
        String flowVersion,
        Map<String, Object> parameters,
        List<String> tags,
        UUID parentTaskRunId,
        RetryPolicy policy,
        State initialState) {

    public FlowRunCreate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flowName, "flowName");
        Objects.requireNonNull(initialState, "initialState");
    }
}
