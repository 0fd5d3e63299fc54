package dev.weir.api;

import dev.weir.state.StateType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/flow_runs/filter} and {@code /count}; every field is optional.
 *
 * @param states the state types to match (any when empty)
 * @param flowNames the flows to match (any when empty)
 * @param startAfter runs that started at or after this time
 * @param startBefore runs that started before this time
 * @param parentTaskRunId subflow runs of this placeholder task run
 * @param deploymentId runs created from this deployment
 * @param tags runs that have every one of these tags
 * @param sort one of CREATED_DESC (default), CREATED_ASC, START_TIME_DESC, START_TIME_ASC, END_TIME_DESC,
 *     END_TIME_ASC, EXPECTED_START_TIME_ASC, NAME_ASC, NAME_DESC
 * @param limit at most this many runs (1 to 1000, default 200)
 * @param offset skip this many runs first
 */
public record FlowRunQuery(
        List<StateType> states,
        List<String> flowNames,
        Instant startAfter,
        Instant startBefore,
        UUID parentTaskRunId,
        String sort,
        Integer limit,
        Integer offset,
        UUID deploymentId,
        List<String> tags) {

    /** A query without the deployment and tag criteria. */
    public FlowRunQuery(List<StateType> states, List<String> flowNames, Instant startAfter, Instant startBefore,
            UUID parentTaskRunId, String sort, Integer limit, Integer offset) {
        this(states, flowNames, startAfter, startBefore, parentTaskRunId, sort, limit, offset, null, null);
    }

    public static FlowRunQuery all() {
        return new FlowRunQuery(List.of(), List.of(), null, null, null, null, null, null);
    }
}
