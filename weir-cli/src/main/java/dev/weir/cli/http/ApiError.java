package dev.weir.cli.http;

import dev.weir.core.WeirException;
import java.util.Optional;

/** The API refused a request: its HTTP status, the problem's detail as the message, and the field at fault. */
public final class ApiError extends WeirException {

    private final int status;
    private final String field;

    ApiError(int status, String detail, String field) {
        super(detail);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The request field the problem names, such as {@code sort}. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
