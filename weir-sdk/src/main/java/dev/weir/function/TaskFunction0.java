package dev.weir.function;

import java.io.Serializable;

/**
 * A task body of 0 arguments that returns a value, usually a method reference such as {@code this::fetch}.
 * Serializable only so that Weir can tell which method it refers to; it is never serialized.
 */
@FunctionalInterface
public interface TaskFunction0<R> extends Serializable {
    R apply() throws Exception;
}
