package dev.weir.server.api;

import dev.weir.server.store.Database;
import dev.weir.server.store.Event;
import dev.weir.server.store.EventFilter;
import dev.weir.server.store.Page;
import dev.weir.server.store.TimeRange;
import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code /api/events}: every state change is an event; filter them, count them, or follow them live. */
final class EventRoutes {

    /** The body of {@code POST /api/events/filter}. */
    record EventQuery(String namePrefix, String resourceId, Instant since, Instant until, Integer limit, Integer offset) {}

    private EventRoutes() {}

    static void register(ApiRoutes routes, Database database, Changes changes) {
        routes.post("/api/events/filter", "Events matching a query, oldest first", "EventQuery", "Event[]",
                Operation.Access.READ, ctx -> {
                    EventQuery query = ctx.body().isBlank() ? new EventQuery(null, null, null, null, null, null)
                            : Requests.body(ctx, EventQuery.class);
                    ctx.json(database.events().list(filter(query), FlowRunQueries.page(query.limit(), query.offset())));
                });
        routes.post("/api/events/count", "How many events match a query", "EventQuery", "Count", Operation.Access.READ,
                ctx -> {
                    EventQuery query = ctx.body().isBlank() ? new EventQuery(null, null, null, null, null, null)
                            : Requests.body(ctx, EventQuery.class);
                    ctx.json(Map.of("count", database.events().count(filter(query))));
                });
        routes.sse("/api/events/stream", "New events (namePrefix) as server-sent events", "Event", Operation.Access.READ,
                client -> follow(client, database, changes));
    }

    private static EventFilter filter(EventQuery query) {
        EventFilter filter = EventFilter.all();
        if (query.namePrefix() != null) {
            filter = filter.withNamePrefix(query.namePrefix());
        }
        if (query.resourceId() != null) {
            filter = filter.withResource(query.resourceId());
        }
        if (query.since() != null || query.until() != null) {
            filter = filter.withOccurred(new TimeRange(query.since(), query.until()));
        }
        return filter;
    }

    private static void follow(SseClient client, Database database, Changes changes) {
        String prefix = client.ctx().queryParam("namePrefix");
        EventFilter base = prefix == null ? EventFilter.all() : EventFilter.all().withNamePrefix(prefix);
        Instant since = Instant.now();
        Set<UUID> sentAtSince = new HashSet<>();
        client.keepAlive();
        long seen = changes.version();
        try {
            while (!client.terminated()) {
                List<Event> events = database.events().list(base.withOccurred(TimeRange.since(since)),
                        Page.of(500, 0));
                for (Event event : events) {
                    if (event.occurred().isAfter(since)) {
                        since = event.occurred();
                        sentAtSince.clear();
                    }
                    if (sentAtSince.add(event.id())) {
                        client.sendEvent("event", event, event.id().toString());
                    }
                }
                seen = changes.awaitAfter(seen, 1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close();
        }
    }
}
