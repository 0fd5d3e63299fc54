package dev.weir.cli.config;

import dev.weir.core.WeirException;

/** A setting key that is not known, or a value the setting does not accept: the user's input is wrong. */
public final class InvalidSettingException extends WeirException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
