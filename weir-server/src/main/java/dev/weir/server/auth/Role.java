package dev.weir.server.auth;

import dev.weir.core.WeirException;
import java.util.Locale;

/** What an API key may do. */
public enum Role {
    /** Everything, API keys included. */
    ADMIN,
    /** Read and write flows, runs, logs and events; not API keys. */
    DEVELOPER,
    /** Read only. */
    VIEWER;

    /** The role named {@code name} (any case); a clear error naming the accepted roles otherwise. */
    public static Role parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WeirException("Unknown role '" + name + "'; accepted: admin, developer, viewer");
        }
    }

    public boolean canWrite() {
        return this != VIEWER;
    }

    public boolean isAdmin() {
        return this == ADMIN;
    }
}
