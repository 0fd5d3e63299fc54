package dev.weir.cli.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a command runs with: each {@link Setting} from its environment variable if set (and not
 * blank), else from the active profile, else its default.
 *
 * @param env the command's environment variables
 * @param home Weir's home folder: {@code $WEIR_HOME}, or {@code ~/.weir}
 * @param profiles the profiles read from {@code home/profiles.toml}
 */
public record Settings(Map<String, String> env, Path home, Profiles profiles) {

    /** Where a resolved value came from. */
    public enum Source {
        ENVIRONMENT,
        PROFILE,
        DEFAULT,
        UNSET
    }

    /** A setting's value and where it came from; the value is empty only when {@code source} is UNSET. */
    public record Value(Setting setting, Optional<String> value, Source source) {}

    public Settings {
        env = Map.copyOf(env);
    }

    /** The settings for {@code env}, reading the profiles of its Weir home. */
    public static Settings load(Map<String, String> env, String userHome) {
        Path home = home(env, userHome);
        return new Settings(env, home, ProfilesFile.read(home.resolve("profiles.toml")));
    }

    /** Weir's home folder for {@code env}: {@code $WEIR_HOME}, or {@code userHome/.weir}. */
    public static Path home(Map<String, String> env, String userHome) {
        String home = env.get("WEIR_HOME");
        return home == null || home.isBlank() ? Path.of(userHome, ".weir") : Path.of(home.strip());
    }

    /** The file the profiles are kept in. */
    public Path profilesFile() {
        return home.resolve("profiles.toml");
    }

    /** These settings over other profiles. */
    public Settings withProfiles(Profiles value) {
        return new Settings(env, home, value);
    }

    /** The value of {@code setting} and its source. */
    public Value resolve(Setting setting) {
        String fromEnv = env.get(setting.name());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Value(setting, Optional.of(fromEnv.strip()), Source.ENVIRONMENT);
        }
        String fromProfile = profiles.activeSettings().get(setting.name());
        if (fromProfile != null && !fromProfile.isBlank()) {
            return new Value(setting, Optional.of(fromProfile.strip()), Source.PROFILE);
        }
        if (setting == Setting.WEIR_DATABASE_URL) {
            return new Value(setting, Optional.of("jdbc:sqlite:" + home.resolve("weir.db")), Source.DEFAULT);
        }
        return setting.defaultValue()
                .map(value -> new Value(setting, Optional.of(value), Source.DEFAULT))
                .orElse(new Value(setting, Optional.empty(), Source.UNSET));
    }

    /**
     * The checked value of {@code setting}, if it has one.
     *
     * @throws InvalidSettingException naming the source when the value is not accepted
     */
    public Optional<String> value(Setting setting) {
        Value value = resolve(setting);
        try {
            return value.value().map(setting::check);
        } catch (InvalidSettingException e) {
            throw new InvalidSettingException(e.getMessage() + " (from " + describe(value.source()) + ")");
        }
    }

    /** The database URL: {@code WEIR_DATABASE_URL}, else {@code jdbc:sqlite:<home>/weir.db}. */
    public String databaseUrl() {
        return value(Setting.WEIR_DATABASE_URL).orElseThrow();
    }

    /** The API to call, or empty to use the local database. */
    public Optional<URI> apiUrl() {
        return value(Setting.WEIR_API_URL).map(URI::create);
    }

    public Optional<String> apiKey() {
        return value(Setting.WEIR_API_KEY);
    }

    public int retentionDays() {
        return Integer.parseInt(value(Setting.WEIR_RETENTION_DAYS).orElseThrow());
    }

    /** The log level name, such as {@code INFO} ({@code WARNING} read as {@code WARN}). */
    public String loggingLevel() {
        String level = value(Setting.WEIR_LOGGING_LEVEL).orElseThrow().toUpperCase(java.util.Locale.ROOT);
        return level.equals("WARNING") ? "WARN" : level;
    }

    private String describe(Source source) {
        return switch (source) {
            case ENVIRONMENT -> "the environment";
            case PROFILE -> "profile '" + profiles.active() + "' in " + profilesFile();
            case DEFAULT, UNSET -> "the default";
        };
    }
}
