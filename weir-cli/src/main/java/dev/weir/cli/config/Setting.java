package dev.weir.cli.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A setting the CLI knows, with its default (if any), whether it is secret, and which values it accepts.
 * Only these keys may be stored in a profile.
 */
public enum Setting {
    /** The API commands talk to; when unset they use the local database. */
    WEIR_API_URL(null, false, "an http(s) URL such as http://127.0.0.1:4200/api", Setting::isHttpUrl),
    /** The key sent as {@code Authorization: Bearer <key>}. */
    WEIR_API_KEY(null, true, "a key created by 'weir api-key create'", value -> !value.isBlank()),
    /** The database of the server and of commands run without an API URL. */
    WEIR_DATABASE_URL(null, false, "jdbc:sqlite:/path/to/weir.db or jdbc:postgresql://host:port/database",
            value -> value.startsWith("jdbc:sqlite:") || value.startsWith("jdbc:postgresql://")),
    /** The level of the server's log. */
    WEIR_LOGGING_LEVEL("INFO", false, "TRACE, DEBUG, INFO, WARN or ERROR",
            value -> Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR").contains(value.toUpperCase(Locale.ROOT))),
    /** Days finished runs are kept; 0 keeps them forever. */
    WEIR_RETENTION_DAYS("30", false, "a whole number of days, 0 to keep everything", value -> value.matches("\\d{1,6}")),
    /** Whether task results are persisted unless a task says otherwise. */
    WEIR_RESULTS_PERSIST_BY_DEFAULT("false", false, "true or false", value -> value.equals("true") || value.equals("false"));

    private final String defaultValue;
    private final boolean secret;
    private final String accepted;
    private final Predicate<String> valid;

    Setting(String defaultValue, boolean secret, String accepted, Predicate<String> valid) {
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.accepted = accepted;
        this.valid = valid;
    }

    /**
     * The setting named {@code key}.
     *
     * @throws InvalidSettingException naming the accepted keys when there is no such setting
     */
    public static Setting parse(String key) {
        String trimmed = key == null ? "" : key.trim();
        return Arrays.stream(values())
                .filter(setting -> setting.name().equals(trimmed))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingException("Unknown setting '" + key + "'; accepted: " + names()));
    }

    /** The accepted keys, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The value used when neither the environment nor the active profile sets one. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether {@code config view} masks the value. */
    public boolean secret() {
        return secret;
    }

    /**
     * Returns {@code value} trimmed if this setting accepts it.
     *
     * @throws InvalidSettingException saying what is accepted otherwise
     */
    public String check(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() || !valid.test(trimmed)) {
            throw new InvalidSettingException(name() + " must be " + accepted + "; got '" + value + "'");
        }
        return trimmed;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
