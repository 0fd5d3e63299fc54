package dev.weir.cli;

import dev.weir.cli.config.InvalidSettingException;
import dev.weir.cli.config.Settings;
import dev.weir.cli.http.ApiError;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import picocli.CommandLine;

/**
 * The {@code weir} command. {@link #main} runs it in this process and exits with its code; {@link #run}
 * runs it with a given {@link Terminal} and returns the code, for tests.
 *
 * <p>Exit codes: 0 done, 1 the command failed (an API error, an unreachable server, a database
 * problem), 2 bad input (unknown option, value out of range, unknown setting). Errors are one line on
 * standard error, {@code error: ...}, never a stack trace.
 */
public final class Main {

    /** The system property the logging configuration reads its root level from. */
    static final String LOG_LEVEL_PROPERTY = "weir.log.level";

    private Main() {}

    public static void main(String[] args) {
        Terminal terminal = Terminal.system();
        if (System.getProperty(LOG_LEVEL_PROPERTY) == null) {
            System.setProperty(LOG_LEVEL_PROPERTY, logLevel(terminal, args));
        }
        System.exit(run(terminal, args));
    }

    /** Runs the command {@code args} with {@code terminal}'s environment and streams; returns its exit code. */
    public static int run(Terminal terminal, String... args) {
        Session session = new Session(terminal);
        return commandLine(session).execute(args);
    }

    /**
     * The root log level for this invocation: quiet (OFF) for client commands, so that they print only
     * their own output; {@code WEIR_LOGGING_LEVEL} (default INFO) for {@code server start}.
     */
    static String logLevel(Terminal terminal, String... args) {
        if (args.length < 2 || !args[0].equals("server") || !args[1].equals("start")) {
            return "OFF";
        }
        try {
            return Settings.load(terminal.env(), System.getProperty("user.home")).loggingLevel();
        } catch (RuntimeException e) {
            return "INFO";
        }
    }

    static CommandLine commandLine(Session session) {
        CommandLine cli = new CommandLine(new WeirCommand());
        cli.addSubcommand(new CommandLine(new ServerCommand(session)));
        cli.addSubcommand(new CommandLine(new FlowCommand(session)));
        cli.addSubcommand(new CommandLine(new FlowRunCommand(session)));
        cli.addSubcommand(new CommandLine(new ApiKeyCommand(session)));
        DeploymentCommand.register(cli, session);
        cli.addSubcommand(new CommandLine(new WorkerCommand(session)));
        cli.addSubcommand(new CommandLine(new WorkPoolCommand(session)));
        cli.addSubcommand(new CommandLine(new WorkPoolCommand.Queues(session)));
        CommandLine config = new CommandLine(new ConfigCommand(session));
        config.addSubcommand(new CommandLine(new ConfigProfileCommand(session)));
        cli.addSubcommand(config);
        cli.setOut(new PrintWriter(session.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(session.err(), true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(UUID.class, Main::uuid);
        cli.setParameterExceptionHandler((error, args) -> {
            String command = error.getCommandLine().getCommandSpec().qualifiedName();
            session.err().println("error: " + error.getMessage() + " (see '" + command + " --help')");
            return CliException.USAGE;
        });
        cli.setExecutionExceptionHandler((error, command, parsed) -> report(session, error));
        return cli;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("expected an id such as 0190c3a2-7b1e-7c4d-9f00-3a5b6c7d8e9f,"
                    + " got '" + text + "'");
        }
    }

    /** Prints {@code error} as one line and returns the exit code it means. */
    static int report(Session session, Exception error) {
        return switch (error) {
            case CliException cli -> print(session, cli.getMessage(), cli.exitCode());
            case InvalidSettingException invalid -> print(session, invalid.getMessage(), CliException.USAGE);
            case ApiError api -> print(session, api.getMessage() + api.field().map(field -> " (field: " + field + ")").orElse(""),
                    CliException.FAILURE);
            default -> print(session, describe(error), CliException.FAILURE);
        };
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName() + " at " + Arrays.stream(error.getStackTrace()).findFirst()
                    .map(StackTraceElement::toString).orElse("(unknown)");
        }
        return message.lines().findFirst().orElse(message);
    }

    private static int print(Session session, String message, int exitCode) {
        session.err().println("error: " + message);
        return exitCode;
    }
}
