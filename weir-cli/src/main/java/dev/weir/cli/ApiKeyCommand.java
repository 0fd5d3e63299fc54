package dev.weir.cli;

import dev.weir.server.auth.ApiKeys;
import dev.weir.server.auth.CreatedApiKey;
import dev.weir.server.auth.Role;
import dev.weir.server.store.ApiKeyRecord;
import dev.weir.server.store.Database;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code weir api-key}: creates, lists and revokes API keys in the database itself (not over the API),
 * so that the first admin key can be made before any key exists.
 */
@Command(name = "api-key", description = "Creates, lists and revokes API keys (in the database of WEIR_DATABASE_URL).")
final class ApiKeyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final Session session;

    ApiKeyCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "create", description = "Creates an API key and prints it, this once.")
    int create(
            @Option(names = "--name", required = true, description = "What the key is for, such as ci or alice.") String name,
            @Option(names = "--role", required = true, converter = RoleConverter.class,
                    description = "admin (everything), developer (read and write runs) or viewer (read only).") Role role) {
        try (Database database = session.openDatabase()) {
            CreatedApiKey created = new ApiKeys(database.apiKeys(), session.clock()).create(name, role);
            session.err().println("Created API key '" + created.name() + "' (" + role(created.role()) + "), id " + created.id() + ":");
            session.out().println(created.key());
            session.err().println("Copy it now: only its hash is stored, so it cannot be shown again."
                    + " Clients send it as WEIR_API_KEY.");
            return 0;
        }
    }

    @Command(name = "ls", description = "Lists API keys (never their secrets).")
    int ls() {
        try (Database database = session.openDatabase()) {
            List<ApiKeyRecord> keys = new ApiKeys(database.apiKeys(), session.clock()).list();
            if (keys.isEmpty()) {
                session.out().println("No API keys; create one with 'weir api-key create --name NAME --role admin'.");
                return 0;
            }
            Table table = new Table("ID", "NAME", "ROLE", "CREATED", "REVOKED");
            keys.forEach(key -> table.row(key.id().toString(), key.name(), key.role().toLowerCase(Locale.ROOT),
                    Formats.time(key.created()), key.revoked() ? "yes" : "no"));
            table.print(session.out());
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revokes an API key; servers refuse it within seconds.")
    int revoke(@Parameters(paramLabel = "ID", description = "The key's id (see 'weir api-key ls').") UUID id) {
        try (Database database = session.openDatabase()) {
            if (!new ApiKeys(database.apiKeys(), session.clock()).revoke(id)) {
                throw CliException.failure("No API key with id " + id + "; see 'weir api-key ls'");
            }
            session.out().println("Revoked API key " + id + "; servers refuse it within "
                    + ApiKeys.CACHE_TTL.toSeconds() + " s.");
            return 0;
        }
    }

    private static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code --role} with {@link Role#parse}'s message naming the accepted roles. */
    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
