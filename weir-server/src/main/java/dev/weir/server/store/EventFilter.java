package dev.weir.server.store;

/**
 * Which events a listing returns; every criterion that is set must hold.
 *
 * @param namePrefix events whose name starts with this (case-sensitive), or null for any
 * @param resourceId events about this resource, or null for any
 * @param occurred events that occurred in this range
 */
public record EventFilter(String namePrefix, String resourceId, TimeRange occurred) {

    public EventFilter {
        occurred = occurred == null ? TimeRange.ANY : occurred;
    }

    public static EventFilter all() {
        return new EventFilter(null, null, TimeRange.ANY);
    }

    public EventFilter withNamePrefix(String prefix) {
        return new EventFilter(prefix, resourceId, occurred);
    }

    public EventFilter withResource(String id) {
        return new EventFilter(namePrefix, id, occurred);
    }

    public EventFilter withOccurred(TimeRange range) {
        return new EventFilter(namePrefix, resourceId, range);
    }
}
