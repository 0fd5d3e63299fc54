package dev.weir.server.orchestration;

import dev.weir.core.Ids;
import dev.weir.run.FlowRun;
import dev.weir.run.TaskRun;
import dev.weir.server.store.Event;
import dev.weir.state.State;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events that state changes emit: {@code weir.flow-run.<StateName>} about {@code weir.flow-run.<id>},
 * and {@code weir.task-run.<StateName>} about {@code weir.task-run.<id>} related to its flow run.
 */
public final class StateEvents {

    private StateEvents() {}

    public static Event flowRun(FlowRun run, State previous, Instant occurred) {
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("weir.resource.id", "weir.flow-run." + run.id());
        resource.put("weir.resource.name", run.name());
        resource.put("weir.state-type", run.state().type().name());
        resource.put("weir.state-name", run.state().name());
        List<Map<String, String>> related = List.of(Map.of(
                "weir.resource.id", "weir.flow." + run.flowName(), "weir.resource.role", "flow",
                "weir.resource.name", run.flowName()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("intended", Map.of("from", previous == null ? "" : previous.type().name(), "to", run.state().type().name()));
        payload.put("initial_state", previous == null ? null : Map.of("type", previous.type().name(), "name", previous.name()));
        payload.put("validated_state", Map.of("type", run.state().type().name(), "name", run.state().name(),
                "message", run.state().message()));
        return new Event(Ids.newId(), occurred, "weir.flow-run." + run.state().name(), "weir.flow-run." + run.id(),
                resource, related, payload);
    }

    public static Event taskRun(TaskRun run, Instant occurred) {
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("weir.resource.id", "weir.task-run." + run.id());
        resource.put("weir.resource.name", run.name());
        resource.put("weir.state-type", run.state().type().name());
        resource.put("weir.state-name", run.state().name());
        List<Map<String, String>> related = run.flowRunId() == null ? List.of() : List.of(Map.of(
                "weir.resource.id", "weir.flow-run." + run.flowRunId(), "weir.resource.role", "flow-run"));
        Map<String, Object> payload = run.state().message().isEmpty()
                ? Map.of()
                : Map.of("message", run.state().message());
        return new Event(Ids.newId(), occurred, "weir.task-run." + run.state().name(), "weir.task-run." + run.id(),
                resource, related, payload);
    }
}
