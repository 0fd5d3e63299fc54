package dev.weir.cli.config;

import dev.weir.core.WeirException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named sets of settings and which one is active, as kept in {@code profiles.toml}. Immutable: every
 * change returns a new value, in the order profiles and keys were added.
 *
 * @param byName each profile's settings, keyed by profile name
 */
public record Profiles(String active, Map<String, Map<String, String>> byName) {

    /** The name of the profile that exists before any is created. */
    public static final String DEFAULT = "default";

    public Profiles {
        checkName(active);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byName.forEach((name, settings) -> copy.put(checkName(name), Collections.unmodifiableMap(new LinkedHashMap<>(settings))));
        byName = Collections.unmodifiableMap(copy);
    }

    /** Only the empty {@code default} profile, active. */
    public static Profiles empty() {
        return new Profiles(DEFAULT, Map.of(DEFAULT, Map.of()));
    }

    /**
     * Returns {@code name} if it can name a profile: 1 to 64 letters, digits, {@code -} or {@code _}.
     *
     * @throws InvalidSettingException otherwise
     */
    public static String checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidSettingException("A profile name is 1 to 64 letters, digits, '-' or '_'; got '" + name + "'");
        }
        return name;
    }

    /** The settings of the active profile (empty when it has none yet). */
    public Map<String, String> activeSettings() {
        return byName.getOrDefault(active, Map.of());
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** These profiles with {@code key} set to {@code value} in the active profile. */
    public Profiles with(String key, String value) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byName);
        Map<String, String> settings = new LinkedHashMap<>(activeSettings());
        settings.put(key, value);
        copy.put(active, settings);
        return new Profiles(active, copy);
    }

    /** These profiles without {@code key} in the active profile. */
    public Profiles without(String key) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byName);
        Map<String, String> settings = new LinkedHashMap<>(activeSettings());
        settings.remove(key);
        copy.put(active, settings);
        return new Profiles(active, copy);
    }

    /** These profiles with {@code name} active; it must exist. */
    public Profiles withActive(String name) {
        requireExisting(name);
        return new Profiles(name, byName);
    }

    /** These profiles with a new, empty profile {@code name}; it must not exist yet. */
    public Profiles withProfile(String name) {
        if (has(checkName(name))) {
            throw new WeirException("Profile '" + name + "' already exists");
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byName);
        copy.put(name, Map.of());
        return new Profiles(active, copy);
    }

    /** These profiles without {@code name}; it must exist and not be the active one. */
    public Profiles withoutProfile(String name) {
        requireExisting(name);
        if (name.equals(active)) {
            throw new WeirException("Profile '" + name + "' is active and cannot be deleted; switch first with"
                    + " 'weir config profile use OTHER'");
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(byName);
        copy.remove(name);
        return new Profiles(active, copy);
    }

    private void requireExisting(String name) {
        if (!has(name)) {
            throw new WeirException("No profile named '" + name + "'; profiles: " + String.join(", ", byName.keySet()));
        }
    }
}
