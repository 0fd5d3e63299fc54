package dev.weir;

import java.util.Optional;

/**
 * Where the calling code runs: in a flow run, a task run, both (a task inside a flow) or neither.
 */
public record RunContext(Optional<FlowRunInfo> flowRun, Optional<TaskRunInfo> taskRun) {

    /** The context of code that runs outside any flow or task. */
    public static final RunContext NONE = new RunContext(Optional.empty(), Optional.empty());
}
