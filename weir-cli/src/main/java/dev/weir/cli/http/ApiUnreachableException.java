package dev.weir.cli.http;

import dev.weir.core.WeirException;

/** No connection could be made to the API (or it was lost); the message names the URL and what to do. */
public final class ApiUnreachableException extends WeirException {

    ApiUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
