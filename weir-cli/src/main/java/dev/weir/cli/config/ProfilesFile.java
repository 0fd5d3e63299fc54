package dev.weir.cli.config;

import dev.weir.core.WeirException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code profiles.toml}, a small subset of TOML:
 *
 * <pre>
 * active = "default"
 *
 * [profiles.default]
 * WEIR_API_URL = "http://127.0.0.1:4200/api"
 * </pre>
 *
 * <p>Blank lines and {@code #} comments are allowed; values are basic ({@code "..."}, with {@code \"},
 * {@code \\}, {@code \n}, {@code \t} and {@code \}{@code uXXXX} escapes) or literal ({@code '...'})
 * strings; table and key names are bare. Anything else is an error naming the line. The file is written
 * whole, through a temporary file, readable by its owner only (it may hold an API key).
 */
public final class ProfilesFile {

    private static final Pattern TABLE = Pattern.compile("\\[\\s*profiles\\.([A-Za-z0-9_-]+)\\s*]\\s*(#.*)?");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(.+)");

    private ProfilesFile() {}

    /** The profiles in {@code file}, or {@link Profiles#empty()} when it does not exist. */
    public static Profiles read(Path file) {
        if (!Files.exists(file)) {
            return Profiles.empty();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code profiles} to {@code file}, creating its folder. */
    public static void write(Path file, Profiles profiles) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "profiles", ".toml.tmp");
            try {
                Files.writeString(temp, format(profiles), StandardCharsets.UTF_8);
                ownerOnly(temp);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's permissions apply.
        }
    }

    /**
     * The profiles in {@code text}.
     *
     * @param source the file name for error messages
     * @throws WeirException naming the line that is not of the accepted subset
     */
    static Profiles parse(String text, String source) {
        String active = Profiles.DEFAULT;
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        String table = null;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = TABLE.matcher(line);
            if (header.matches()) {
                table = header.group(1);
                byName.putIfAbsent(table, new LinkedHashMap<>());
                continue;
            }
            Matcher pair = KEY_VALUE.matcher(line);
            if (!pair.matches()) {
                throw error(source, i, "expected [profiles.NAME] or KEY = \"value\", got: " + line);
            }
            String value = value(pair.group(2), source, i);
            if (table != null) {
                byName.get(table).put(pair.group(1), value);
            } else if (pair.group(1).equals("active")) {
                active = value;
            } else {
                throw error(source, i, "the only top-level key is 'active', got '" + pair.group(1) + "'");
            }
        }
        byName.putIfAbsent(Profiles.DEFAULT, Map.of());
        try {
            return new Profiles(active, byName);
        } catch (InvalidSettingException e) {
            throw new WeirException(source + ": " + e.getMessage());
        }
    }

    private static String value(String raw, String source, int line) {
        char quote = raw.charAt(0);
        if (quote != '"' && quote != '\'') {
            throw error(source, line, "values must be quoted strings, got: " + raw);
        }
        StringBuilder value = new StringBuilder();
        int i = 1;
        for (; i < raw.length() && raw.charAt(i) != quote; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && quote == '"') {
                if (i + 1 >= raw.length()) {
                    break;
                }
                char escaped = raw.charAt(++i);
                switch (escaped) {
                    case '"', '\\' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'u' -> {
                        if (i + 4 >= raw.length() || !raw.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
                            throw error(source, line, "\\u needs four hex digits");
                        }
                        value.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw error(source, line, "unsupported escape \\" + escaped);
                }
            } else {
                value.append(c);
            }
        }
        if (i >= raw.length()) {
            throw error(source, line, "unterminated string: " + raw);
        }
        String rest = raw.substring(i + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw error(source, line, "unexpected text after the value: " + rest);
        }
        return value.toString();
    }

    private static WeirException error(String source, int line, String message) {
        return new WeirException("Cannot read " + source + ", line " + (line + 1) + ": " + message);
    }

    /** The file's text for {@code profiles}. */
    static String format(Profiles profiles) {
        StringBuilder text = new StringBuilder("# Weir configuration profiles, written by 'weir config'.\n");
        text.append("active = ").append(quote(profiles.active())).append('\n');
        profiles.byName().forEach((name, settings) -> {
            text.append("\n[profiles.").append(name).append("]\n");
            settings.forEach((key, value) -> text.append(key).append(" = ").append(quote(value)).append('\n'));
        });
        return text.toString();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
