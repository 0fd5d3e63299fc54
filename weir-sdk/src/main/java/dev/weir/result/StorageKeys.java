package dev.weir.result;

import java.util.regex.Pattern;

/** Validates storage keys, so a key can never name a file outside the storage root. */
final class StorageKeys {

    static final String RULE = "a key is one or more segments joined by '/', each made of [A-Za-z0-9._-],"
            + " not starting with '.', at most 255 characters (so no '..', no absolute paths, no '\\')";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

    private StorageKeys() {}

    /**
     * Returns the key if valid.
     *
     * @throws IllegalArgumentException naming the key and the rule it breaks
     */
    static String validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Invalid storage key '" + key + "': " + RULE);
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException(
                        "Invalid storage key '" + key + "' (bad segment '" + segment + "'): " + RULE);
            }
        }
        return key;
    }
}
