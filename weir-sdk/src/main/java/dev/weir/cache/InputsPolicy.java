package dev.weir.cache;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Keys on the input hash of the arguments, leaving out the excluded names. */
record InputsPolicy(Set<String> excluded) implements CachePolicy {

    InputsPolicy {
        excluded = Set.copyOf(excluded);
    }

    @Override
    public Optional<String> key(CacheKeyContext context) {
        if (excluded.isEmpty()) {
            return InputHash.of(context.arguments());
        }
        Map<String, Object> kept = new LinkedHashMap<>(context.arguments());
        kept.keySet().removeAll(excluded);
        return InputHash.of(kept);
    }

    @Override
    public CachePolicy minus(String... argumentNames) {
        return new InputsPolicy(Stream.concat(excluded.stream(), Arrays.stream(argumentNames))
                .collect(Collectors.toSet()));
    }

    @Override
    public String toString() {
        return excluded.isEmpty() ? "INPUTS" : "INPUTS - " + new TreeSet<>(excluded);
    }
}
