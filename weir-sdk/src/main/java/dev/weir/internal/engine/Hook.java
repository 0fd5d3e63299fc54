package dev.weir.internal.engine;

import dev.weir.state.State;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.slf4j.Logger;

/**
 * A hook method of the flow's class, called with no argument or with the run's state. A hook that
 * throws is logged and never changes the run's state.
 */
record Hook(Method method) {

    Hook {
        method.setAccessible(true);
    }

    void call(Object target, State state, Logger log) {
        try {
            if (method.getParameterCount() == 0) {
                method.invoke(target);
            } else {
                method.invoke(target, state);
            }
        } catch (InvocationTargetException e) {
            log.error("Hook '{}' failed; the run's state stays {}", method.getName(), state, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.error("Hook '{}' could not be called; the run's state stays {}", method.getName(), state, e);
        }
    }
}
