package dev.weir.cli;

import dev.weir.cli.config.Profiles;
import dev.weir.cli.config.Setting;
import dev.weir.cli.config.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir config}: sets, shows and unsets settings in the active profile of
 * {@code $WEIR_HOME/profiles.toml}. An environment variable of the same name wins over the profile.
 */
@Command(name = "config", description = "Sets, shows and unsets settings in the active profile.")
final class ConfigCommand implements Callable<Integer> {

    private static final String MASK = "********";

    @Spec
    CommandSpec spec;

    private final Session session;

    ConfigCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        return Groups.missing(spec);
    }

    @Command(name = "set", description = "Sets settings in the active profile.")
    int set(@Parameters(arity = "1..*", paramLabel = "KEY=VALUE", description = "Such as WEIR_API_URL=http://127.0.0.1:4200/api.")
            List<String> assignments) {
        Map<Setting, String> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals < 1) {
                throw CliException.usage("Expected KEY=VALUE, got '" + assignment + "'; keys: " + Setting.names());
            }
            Setting setting = Setting.parse(assignment.substring(0, equals));
            values.put(setting, setting.check(assignment.substring(equals + 1)));
        }
        Profiles profiles = session.settings().profiles();
        for (Map.Entry<Setting, String> value : values.entrySet()) {
            profiles = profiles.with(value.getKey().name(), value.getValue());
        }
        session.save(profiles);
        for (Map.Entry<Setting, String> value : values.entrySet()) {
            Setting setting = value.getKey();
            session.out().println("Set " + setting + "='" + (setting.secret() ? MASK : value.getValue())
                    + "' in profile '" + profiles.active() + "'.");
            warnIfOverridden(setting);
        }
        return 0;
    }

    @Command(name = "view", description = "Shows every setting's value and where it comes from.")
    int view(@Option(names = "--show-secrets", description = "Show WEIR_API_KEY instead of masking it.") boolean showSecrets) {
        Settings settings = session.settings();
        session.out().println("WEIR_PROFILE='" + settings.profiles().active() + "' (" + settings.profilesFile() + ")");
        for (Setting setting : Setting.values()) {
            Settings.Value value = settings.resolve(setting);
            if (value.value().isEmpty()) {
                session.out().println(setting + " (not set)");
                continue;
            }
            String shown = setting.secret() && !showSecrets ? MASK : value.value().get();
            session.out().println(setting + "='" + shown + "' (from " + source(value.source()) + ")");
        }
        return 0;
    }

    @Command(name = "unset", description = "Removes settings from the active profile.")
    int unset(@Parameters(arity = "1..*", paramLabel = "KEY", description = "Such as WEIR_API_URL.") List<String> keys) {
        List<Setting> settings = keys.stream().map(Setting::parse).toList();
        Profiles profiles = session.settings().profiles();
        for (Setting setting : settings) {
            if (!profiles.activeSettings().containsKey(setting.name())) {
                session.err().println("note: " + setting + " is not set in profile '" + profiles.active() + "'");
                continue;
            }
            profiles = profiles.without(setting.name());
            session.out().println("Unset " + setting + " in profile '" + profiles.active() + "'.");
        }
        session.save(profiles);
        settings.forEach(this::warnIfOverridden);
        return 0;
    }

    private void warnIfOverridden(Setting setting) {
        String fromEnv = session.settings().env().get(setting.name());
        if (fromEnv != null && !fromEnv.isBlank()) {
            session.err().println("note: " + setting + " is also set in the environment, which takes precedence"
                    + " over the profile");
        }
    }

    private static String source(Settings.Source source) {
        return switch (source) {
            case ENVIRONMENT -> "env";
            case PROFILE -> "profile";
            case DEFAULT, UNSET -> "default";
        };
    }
}
