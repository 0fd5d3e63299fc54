package dev.weir.function;

import java.io.Serializable;

/**
 * A task body of 0 arguments that returns nothing, usually a method reference such as {@code this::save}.
 * Serializable only so that Weir can tell which method it refers to; it is never serialized.
 */
@FunctionalInterface
public interface TaskProcedure0 extends Serializable {
    void run() throws Exception;
}
