package dev.weir.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable fact about a resource, as stored. (weir-core has no event record yet; this one will
 * give way to it.)
 *
 * @param event the dotted event name, such as {@code weir.flow-run.Completed}
 * @param resourceId the {@code weir.resource.id} of the resource the event is about
 * @param resource the resource's labels, the id among them
 * @param related other resources involved, each a map of labels with a {@code weir.resource.role}
 * @param payload event-specific data as JSON-ready values
 */
public record Event(
        UUID id,
        Instant occurred,
        String event,
        String resourceId,
        Map<String, String> resource,
        List<Map<String, String>> related,
        Map<String, Object> payload) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurred, "occurred");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(resourceId, "resourceId");
        resource = resource == null ? Map.of() : Map.copyOf(resource);
        related = related == null ? List.of() : List.copyOf(related);
        payload = payload == null ? Map.of() : payload;
    }
}
