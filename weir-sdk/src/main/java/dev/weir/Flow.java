package dev.weir;

import dev.weir.result.Persistence;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a flow: calling it on an instance from {@link Weir#flows(Class)} creates a flow
 * run, validates the parameters, runs the body with retries and a timeout, and records its states.
 *
 * <p>The method must be an instance method that is neither private, static nor final; the class must
 * not be final and must have a constructor without parameters. Errors are reported by
 * {@link Weir#flows(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Flow {

    /** The flow's name; the method's name when empty. */
    String name() default "";

    String description() default "";

    /** The flow's version; a checksum of the declaring class's bytecode when empty. */
    String version() default "";

    /** Extra attempts after a failure; -1 takes {@code WEIR_FLOWS_DEFAULT_RETRIES} (0 unless set). */
    int retries() default -1;

    /** Seconds to wait before each retry. */
    double retryDelaySeconds() default 0;

    /** Seconds after which the run is interrupted and ends TimedOut; 0 for no timeout. */
    double timeoutSeconds() default 0;

    /**
     * A template for the run's name over the parameters, such as {@code "{color}-{year}"} or
     * {@code "etl-{day:yyyy-MM-dd}"}; a generated name when empty.
     */
    String flowRunName() default "";

    /** Whether {@code System.out} and {@code System.err} written by the run's threads go to its log. */
    boolean logPrints() default false;

    /** Whether parameters are checked against their Jakarta Bean Validation constraints first. */
    boolean validateParameters() default true;

    /** The task runner that executes tasks submitted within the run. */
    TaskRunner taskRunner() default TaskRunner.CONCURRENT;

    /** The most submitted tasks running at once in one run; 0 for no bound. */
    int maxConcurrency() default 0;

    /** Whether the results of this flow's tasks are persisted, unless a task says otherwise. */
    Persistence persistResult() default Persistence.INHERIT;

    /** The serializer of results by name, for tasks that do not name one. */
    String resultSerializer() default "";

    /** A directory to keep results in, for tasks that do not name one. */
    String resultStorage() default "";

    /** Names of methods of the same class called when the run enters RUNNING. */
    String[] onRunning() default {};

    /** Names of methods of the same class called when the run completes. */
    String[] onCompletion() default {};

    /** Names of methods of the same class called when the run fails. */
    String[] onFailure() default {};

    /** Names of methods of the same class called when the run is cancelled. */
    String[] onCancellation() default {};

    /** Names of methods of the same class called when the run crashes. */
    String[] onCrashed() default {};
}
