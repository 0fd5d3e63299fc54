/**
 * The CLI's settings: the known {@code WEIR_*} keys, profiles kept in {@code $WEIR_HOME/profiles.toml},
 * and their resolution (environment variable, then the active profile, then the default).
 */
package dev.weir.cli.config;
