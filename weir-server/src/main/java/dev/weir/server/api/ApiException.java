package dev.weir.server.api;

import dev.weir.core.WeirException;

/** A request the API refuses, with the HTTP status to answer and the field at fault, if one. */
final class ApiException extends WeirException {

    private final int status;
    private final String field;

    ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, null, message);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
