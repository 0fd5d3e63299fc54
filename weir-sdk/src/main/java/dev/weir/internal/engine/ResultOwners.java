package dev.weir.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which task run produced which object, by identity, so that passing one task's result into another
 * records an edge of the run graph. Elements of returned collections count too (the first
 * {@value #MAX_ELEMENTS}). Values that are often shared (boxed numbers, booleans, enums) are not
 * tracked: identity would link unrelated runs.
 */
final class ResultOwners {

    static final int MAX_ELEMENTS = 1000;

    private record Identity(Object ref) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.ref == ref;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(ref);
        }
    }

    private final Map<Identity, UUID> owners = new ConcurrentHashMap<>();

    void register(Object result, UUID taskRunId) {
        if (!trackable(result)) {
            return;
        }
        owners.put(new Identity(result), taskRunId);
        if (result instanceof Collection<?> collection) {
            int count = 0;
            for (Object element : collection) {
                if (count++ >= MAX_ELEMENTS) {
                    break;
                }
                if (trackable(element)) {
                    owners.putIfAbsent(new Identity(element), taskRunId);
                }
            }
        }
    }

    /** The task runs that produced {@code argument} or, for a collection, its elements. */
    List<UUID> ownersOf(Object argument) {
        if (!trackable(argument) || owners.isEmpty()) {
            return List.of();
        }
        UUID owner = owners.get(new Identity(argument));
        if (owner != null) {
            return List.of(owner);
        }
        if (!(argument instanceof Collection<?> collection)) {
            return List.of();
        }
        List<UUID> found = new ArrayList<>();
        int count = 0;
        for (Object element : collection) {
            if (count++ >= MAX_ELEMENTS) {
                break;
            }
            UUID elementOwner = trackable(element) ? owners.get(new Identity(element)) : null;
            if (elementOwner != null && !found.contains(elementOwner)) {
                found.add(elementOwner);
            }
        }
        return found;
    }

    private static boolean trackable(Object value) {
        return value != null
                && !(value instanceof Number)
                && !(value instanceof Boolean)
                && !(value instanceof Character)
                && !(value instanceof Enum<?>)
                && !(value instanceof Class<?>);
    }
}
