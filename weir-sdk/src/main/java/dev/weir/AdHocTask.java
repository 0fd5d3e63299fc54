package dev.weir;

import dev.weir.function.TaskFunction0;
import dev.weir.internal.engine.Engine;
import dev.weir.internal.engine.TaskOptions;
import java.util.List;

/**
 * A task without annotations, from {@link Weir#task(String)}: the options of {@link Task}, set by
 * method, then {@link #run} now or {@link #submit} to the flow's task runner.
 */
public final class AdHocTask {

    private final String name;
    private int retries = -1;
    private double[] retryDelaySeconds = {};
    private double timeoutSeconds;
    private List<String> tags = List.of();

    AdHocTask(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An ad-hoc task needs a name, got '" + name + "'");
        }
        this.name = name;
    }

    public AdHocTask retries(int value) {
        this.retries = value;
        return this;
    }

    public AdHocTask retryDelaySeconds(double... value) {
        this.retryDelaySeconds = value.clone();
        return this;
    }

    public AdHocTask timeoutSeconds(double value) {
        this.timeoutSeconds = value;
        return this;
    }

    public AdHocTask tags(String... value) {
        this.tags = List.of(value);
        return this;
    }

    /** Runs the task now on the calling thread and returns its value, rethrowing its failure. */
    public <R> R run(TaskFunction0<R> body) {
        return Engine.runAdHoc(options(), body);
    }

    /** Runs the task on the flow's task runner. */
    public <R> TaskFuture<R> submit(TaskFunction0<R> body) {
        return Engine.submitAdHoc(options(), body);
    }

    private TaskOptions options() {
        return new TaskOptions(name, retries, retryDelaySeconds, timeoutSeconds, tags);
    }
}
