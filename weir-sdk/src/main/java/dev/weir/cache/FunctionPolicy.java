package dev.weir.cache;

import java.util.Optional;

/** Asks a key function and checks the key it returns. */
record FunctionPolicy(CacheKeyFunction function) implements CachePolicy {

    @Override
    public Optional<String> key(CacheKeyContext context) {
        Optional<String> key = function.key(context);
        if (key == null) {
            throw new IllegalArgumentException("Cache key function " + function.getClass().getName()
                    + " returned null; return Optional.empty() to skip caching");
        }
        key.ifPresent(this::check);
        return key;
    }

    private void check(String key) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Cache key function " + function.getClass().getName()
                    + " returned a key of " + key.length() + " characters; a key must be non-blank and at most "
                    + MAX_KEY_LENGTH + " characters (hash long inputs, e.g. with InputHash)");
        }
    }

    @Override
    public String toString() {
        return "key function " + function.getClass().getName();
    }
}
