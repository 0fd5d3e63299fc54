package dev.weir.cli;

import dev.weir.server.store.LogLevel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --level} as the server does ({@code WARNING} and {@code CRITICAL} understood), with its message. */
final class LogLevelConverter implements ITypeConverter<LogLevel> {

    @Override
    public LogLevel convert(String value) {
        try {
            return LogLevel.parse(value);
        } catch (RuntimeException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
