package dev.weir.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Keys on a SHA-256 over its parts' keys in order; empty when any part's key is empty. */
record CompoundPolicy(List<CachePolicy> parts) implements CachePolicy {

    CompoundPolicy {
        parts = List.copyOf(parts);
    }

    static CompoundPolicy of(CachePolicy first, CachePolicy second) {
        List<CachePolicy> parts = new ArrayList<>();
        for (CachePolicy policy : List.of(first, second)) {
            if (policy instanceof CompoundPolicy compound) {
                parts.addAll(compound.parts());
            } else {
                parts.add(policy);
            }
        }
        return new CompoundPolicy(parts);
    }

    @Override
    public Optional<String> key(CacheKeyContext context) {
        List<String> keys = new ArrayList<>(parts.size());
        for (CachePolicy part : parts) {
            Optional<String> key = part.key(context);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            keys.add(key.get());
        }
        return Optional.of(Sha256.ofParts(keys));
    }

    @Override
    public CachePolicy minus(String... argumentNames) {
        return new CompoundPolicy(parts.stream().map(part -> part.minus(argumentNames)).toList());
    }

    @Override
    public String toString() {
        return parts.stream().map(Object::toString).collect(Collectors.joining(" + "));
    }
}
