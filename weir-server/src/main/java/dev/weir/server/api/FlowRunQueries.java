package dev.weir.server.api;

import dev.weir.api.FlowRunQuery;
import dev.weir.server.store.FlowRunFilter;
import dev.weir.server.store.FlowRunSort;
import dev.weir.server.store.Page;
import dev.weir.server.store.TimeRange;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;

/** Turns a {@link FlowRunQuery} into the store's filter, sort and page, naming any field it cannot accept. */
final class FlowRunQueries {

    private FlowRunQueries() {}

    static FlowRunFilter filter(FlowRunQuery query) {
        FlowRunFilter filter = FlowRunFilter.all();
        if (query.states() != null && !query.states().isEmpty()) {
            if (query.states().contains(null)) {
                throw ApiException.badRequest("states", "'states' must not contain null");
            }
            filter = filter.withStateTypes(EnumSet.copyOf(query.states()));
        }
        if (query.flowNames() != null && !query.flowNames().isEmpty()) {
            filter = filter.withFlowNames(query.flowNames().toArray(String[]::new));
        }
        if (query.startAfter() != null || query.startBefore() != null) {
            if (query.startAfter() != null && query.startBefore() != null && query.startBefore().isBefore(query.startAfter())) {
                throw ApiException.badRequest("startBefore", "'startBefore' (" + query.startBefore()
                        + ") must not be earlier than 'startAfter' (" + query.startAfter() + ")");
            }
            filter = filter.withStartTime(new TimeRange(query.startAfter(), query.startBefore()));
        }
        if (query.parentTaskRunId() != null) {
            filter = filter.withParentTaskRun(query.parentTaskRunId());
        }
        if (query.deploymentId() != null) {
            filter = filter.withDeployment(query.deploymentId());
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            if (query.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
                throw ApiException.badRequest("tags", "'tags' must not contain null or blank tags");
            }
            filter = filter.withTags(java.util.Set.copyOf(query.tags()));
        }
        return filter;
    }

    static FlowRunSort sort(FlowRunQuery query) {
        if (query.sort() == null || query.sort().isBlank()) {
            return FlowRunSort.CREATED_DESC;
        }
        try {
            return FlowRunSort.valueOf(query.sort().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("sort", "'sort' must be one of " + Arrays.toString(FlowRunSort.values())
                    + ", got '" + query.sort() + "'");
        }
    }

    static Page page(Integer limit, Integer offset) {
        return Page.of(limit == null ? 200 : Requests.bounded("limit", limit, 1, 1000),
                offset == null ? 0 : Requests.bounded("offset", offset, 0, Integer.MAX_VALUE));
    }
}
