package dev.weir.server.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Events. To record an event with the state change it reports (the outbox), insert both through one
 * {@link Database#inTransaction}. Thread-safe.
 */
public interface EventStore {

    /** Inserts the event; an event whose id exists is ignored, so a retried insert is harmless. */
    void insert(Event event);

    /** Inserts the events in one statement batch; ids that exist are ignored. */
    void insertAll(List<Event> events);

    Optional<Event> read(UUID id);

    /** Events matching the filter, ordered by occurrence, then id. */
    List<Event> list(EventFilter filter, Page page);

    long count(EventFilter filter);
}
