package dev.weir.function;

import java.io.Serializable;

/**
 * A task body of 4 arguments that returns nothing, usually a method reference such as {@code this::save}.
 * Serializable only so that Weir can tell which method it refers to; it is never serialized.
 */
@FunctionalInterface
public interface TaskProcedure4<A, B, C, D> extends Serializable {
    void run(A a, B b, C c, D d) throws Exception;
}
