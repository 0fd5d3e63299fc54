package dev.weir.run;

import java.time.Instant;
import java.util.UUID;

/**
 * One log line written by a run.
 *
 * @param flowRunId the flow run, or null for a task run outside any flow
 * @param taskRunId the task run, or null for a line of the flow run itself
 * @param level the SLF4J level name: TRACE, DEBUG, INFO, WARN or ERROR
 * @param logger the logger's name, such as {@code weir.task_runs}
 */
public record RunLog(UUID flowRunId, UUID taskRunId, String level, String logger, String message, Instant timestamp) {}
