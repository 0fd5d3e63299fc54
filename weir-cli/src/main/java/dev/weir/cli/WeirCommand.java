package dev.weir.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code weir} command: lists the command groups. */
@Command(name = "weir", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "weir 0.1.0",
        description = "Weir: workflow orchestration for the JVM.",
        footer = {"", "Settings come from WEIR_* environment variables, then the active profile ('weir config view')."})
final class WeirCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }
}
