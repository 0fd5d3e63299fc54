package dev.weir.cli;

import dev.weir.core.WeirException;

/** A command cannot do what was asked; {@link Main} prints the message and exits with the code. */
final class CliException extends WeirException {

    /** The exit code of bad input (a usage error), as picocli uses it. */
    static final int USAGE = 2;
    /** The exit code of a command that failed. */
    static final int FAILURE = 1;

    private final int exitCode;

    private CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The user's input is wrong (exit code 2). */
    static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    /** The command failed (exit code 1). */
    static CliException failure(String message) {
        return new CliException(FAILURE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
