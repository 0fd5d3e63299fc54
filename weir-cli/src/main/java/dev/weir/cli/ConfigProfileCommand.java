package dev.weir.cli;

import dev.weir.cli.config.Profiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir config profile}: lists, switches, creates and deletes profiles. */
@Command(name = "profile", description = "Lists, switches, creates and deletes profiles.")
final class ConfigProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Session session;

    ConfigProfileCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "ls", description = "Lists profiles; the active one is marked with *.")
    int ls() {
        Profiles profiles = session.settings().profiles();
        profiles.byName().keySet().forEach(name -> session.out().println((name.equals(profiles.active()) ? "* " : "  ") + name));
        return 0;
    }

    @Command(name = "use", description = "Makes a profile the active one.")
    int use(@Parameters(paramLabel = "NAME") String name) {
        session.save(session.settings().profiles().withActive(name));
        session.out().println("Now using profile '" + name + "'.");
        return 0;
    }

    @Command(name = "create", description = "Creates an empty profile.")
    int create(@Parameters(paramLabel = "NAME") String name) {
        session.save(session.settings().profiles().withProfile(name));
        session.out().println("Created profile '" + name + "'; switch to it with 'weir config profile use " + name + "'.");
        return 0;
    }

    @Command(name = "delete", description = "Deletes a profile other than the active one.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        session.save(session.settings().profiles().withoutProfile(name));
        session.out().println("Deleted profile '" + name + "'.");
        return 0;
    }
}
