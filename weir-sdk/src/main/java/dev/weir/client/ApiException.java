package dev.weir.client;

import dev.weir.core.WeirException;
import java.util.Optional;

/**
 * The Weir API refused a request: the HTTP status, the server's explanation and, when one input was at
 * fault, the request field that was. Thrown for answers that retrying cannot fix (most 4xx and 500), and
 * for retryable answers (408, 429, 502, 503, 504) once the retries have run out.
 */
public final class ApiException extends WeirException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String detail;
    private final String field;

    ApiException(String request, int status, String detail, String field) {
        super(request + " was refused with HTTP " + status + ": " + detail
                + (field == null ? "" : " (field '" + field + "')"));
        this.status = status;
        this.detail = detail;
        this.field = field;
    }

    /** The HTTP status of the answer, such as 400 or 409. */
    public int status() {
        return status;
    }

    /** The server's explanation: the problem document's detail, else its title, else the answer's text. */
    public String detail() {
        return detail;
    }

    /** The request field at fault, such as {@code state.type}, when the server named one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
