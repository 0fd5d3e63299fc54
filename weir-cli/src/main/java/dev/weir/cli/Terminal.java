package dev.weir.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * What a command runs with: its environment variables, standard input, output and error, and the
 * clock. {@link #system()} is the real process's; tests pass their own to {@link Main#run}.
 */
public record Terminal(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, InstantSource clock) {

    public Terminal {
        env = Map.copyOf(env);
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }

    /** This process's environment, standard streams and the system clock. */
    public static Terminal system() {
        return new Terminal(System.getenv(), System.in, System.out, System.err, InstantSource.system());
    }
}
