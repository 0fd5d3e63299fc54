package dev.weir.function;

import java.io.Serializable;

/**
 * A task body of 3 arguments that returns nothing, usually a method reference such as {@code this::save}.
 * Serializable only so that Weir can tell which method it refers to; it is never serialized.
 */
@FunctionalInterface
public interface TaskProcedure3<A, B, C> extends Serializable {
    void run(A a, B b, C c) throws Exception;
}
