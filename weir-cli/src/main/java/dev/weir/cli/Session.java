package dev.weir.cli;

import dev.weir.cli.config.Profiles;
import dev.weir.cli.config.ProfilesFile;
import dev.weir.cli.config.Settings;
import dev.weir.cli.http.ApiConnection;
import dev.weir.server.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * One invocation's shared state for the command classes: the terminal, the settings (read on first
 * use) and the ways to reach runs: the API or, for API keys, the database itself. Not thread-safe.
 */
final class Session {

    private final Terminal terminal;
    private Settings settings;
    private BufferedReader stdin;

    Session(Terminal terminal) {
        this.terminal = terminal;
    }

    PrintStream out() {
        return terminal.out();
    }

    PrintStream err() {
        return terminal.err();
    }

    /** The environment variables this invocation sees. */
    java.util.Map<String, String> env() {
        return terminal.env();
    }

    InstantSource clock() {
        return terminal.clock();
    }

    /** The settings: environment variables, then the active profile, then defaults. */
    Settings settings() {
        if (settings == null) {
            settings = Settings.load(terminal.env(), System.getProperty("user.home"));
        }
        return settings;
    }

    /** Writes {@code profiles} to the profiles file; later reads of {@link #settings()} see them. */
    void save(Profiles profiles) {
        ProfilesFile.write(settings().profilesFile(), profiles);
        settings = settings.withProfiles(profiles);
    }

    /** The API this invocation talks to; close it when done. */
    ApiConnection connect() {
        return ApiConnection.open(settings());
    }

    /** The database of {@code WEIR_DATABASE_URL} (or {@code $WEIR_HOME/weir.db}), opened and migrated. */
    Database openDatabase() {
        return Database.open(settings().databaseUrl());
    }

    /** The next line of standard input, or empty at its end. */
    Optional<String> readLine() {
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
            }
            return Optional.ofNullable(stdin.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
