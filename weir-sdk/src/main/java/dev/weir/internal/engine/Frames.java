package dev.weir.internal.engine;

import org.slf4j.MDC;

/**
 * The current thread's {@link Frame}, and the MDC entries that carry its run ids, so that any SLF4J
 * logging done inside a run can be traced to it.
 */
final class Frames {

    static final String MDC_FLOW_RUN_ID = "weir.flow_run_id";
    static final String MDC_TASK_RUN_ID = "weir.task_run_id";

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

    private Frames() {}

    static Frame current() {
        return CURRENT.get();
    }

    /** Makes {@code frame} current and returns the one it replaces, to give back to {@link #exit}. */
    static Frame enter(Frame frame) {
        Frame previous = CURRENT.get();
        CURRENT.set(frame);
        putMdc(frame);
        return previous;
    }

    /** Restores the frame {@link #enter} replaced. */
    static void exit(Frame previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        putMdc(previous);
    }

    private static void putMdc(Frame frame) {
        if (frame == null) {
            MDC.remove(MDC_FLOW_RUN_ID);
            MDC.remove(MDC_TASK_RUN_ID);
            return;
        }
        if (frame.flow() != null) {
            MDC.put(MDC_FLOW_RUN_ID, frame.flow().idText());
        } else {
            MDC.remove(MDC_FLOW_RUN_ID);
        }
        if (frame.task() != null) {
            MDC.put(MDC_TASK_RUN_ID, frame.task().idText());
        } else {
            MDC.remove(MDC_TASK_RUN_ID);
        }
    }
}
