package dev.weir.function;

import java.io.Serializable;

/**
 * A task body of 4 arguments that returns a value, usually a method reference such as {@code this::fetch}.
 * Serializable only so that Weir can tell which method it refers to; it is never serialized.
 */
@FunctionalInterface
public interface TaskFunction4<A, B, C, D, R> extends Serializable {
    R apply(A a, B b, C c, D d) throws Exception;
}
