package dev.weir.cli;

import picocli.CommandLine.Model.CommandSpec;

/** What a command group does when called without one of its commands. */
final class Groups {

    private Groups() {}

    /**
     * Prints the group's usage on standard error and fails as bad input.
     *
     * @return never; throws a usage {@link CliException}
     */
    static int missing(CommandSpec group) {
        group.commandLine().usage(group.commandLine().getErr());
        throw CliException.usage("'" + group.qualifiedName() + "' needs a command: "
                + String.join(", ", group.subcommands().keySet()));
    }
}
