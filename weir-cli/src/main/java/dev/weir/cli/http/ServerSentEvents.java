package dev.weir.cli.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A stream of server-sent events read line by line: events ({@code event:}, {@code id:}, {@code data:}
 * fields ended by a blank line) and comments (lines starting with {@code :}, such as keep-alives).
 * Not thread-safe; closing it ends the HTTP response.
 */
public final class ServerSentEvents implements AutoCloseable {

    /** One item of the stream. */
    public sealed interface Item {}

    /** An event; {@code data} joins multiple data lines with newlines. */
    public record Event(String name, String id, String data) implements Item {}

    /** A comment line, without its leading colon. */
    public record Comment(String text) implements Item {}

    private final InputStream body;
    private final BufferedReader reader;

    ServerSentEvents(InputStream body) {
        this.body = body;
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The next event or comment, blocking until one arrives; empty when the stream has ended. */
    public Optional<Item> next() throws IOException {
        String name = "message";
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(name, id, data.toString()));
                }
                continue;
            }
            if (line.startsWith(":")) {
                return Optional.of(new Comment(line.substring(1).strip()));
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // Unknown fields (such as retry) are ignored, as the specification says.
                }
            }
        }
        return data == null ? Optional.empty() : Optional.of(new Event(name, id, data.toString()));
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
