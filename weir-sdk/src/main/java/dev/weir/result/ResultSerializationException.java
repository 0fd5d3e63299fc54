package dev.weir.result;

import dev.weir.core.WeirException;

/** Thrown when a value cannot be serialized or bytes cannot be turned back into a value. */
public class ResultSerializationException extends WeirException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message says what failed and what to do instead. */
    public ResultSerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception whose message says what failed and what to do instead. */
    public ResultSerializationException(String message) {
        super(message);
    }

    static ResultSerializationException cannotWrite(String serializer, Object value, Throwable cause) {
        String type = value == null ? "null" : value.getClass().getName();
        return new ResultSerializationException(
                "Serializer '" + serializer + "' cannot serialize a value of type " + type + ": "
                        + cause.getMessage() + ". Serializer 'json' (and 'compressed/json') handles"
                        + " records, beans with getters, enums, collections, maps, arrays, java.time"
                        + " and primitives; 'java' (and 'compressed/java') handles types implementing"
                        + " java.io.Serializable; any other serializer can be registered through"
                        + " ServiceLoader as a dev.weir.result.ResultSerializer.",
                cause);
    }
}
