package dev.weir.state;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The single truth about which state types a run may move between, written as one table.
 *
 * <p>Orchestration rules refine it (by state name, run counts, times); none may allow what the table
 * forbids. A run that has no state yet is in the row {@code (new)}.
 */
public final class StateTransitions {

    // Columns, in order: SCHEDULED PENDING RUNNING PAUSED CANCELLING COMPLETED FAILED CANCELLED CRASHED
    private static final String[] TABLE = {
        //             SCH PEN RUN PAU CNG COM FAI CAN CRA
        "(new)          x   x   x   .   .   x   x   x   x",
        "SCHEDULED      x   x   x   .   x   x   x   x   x",
        "PENDING        x   x   x   .   x   x   x   x   x",
        "RUNNING        x   .   .   x   x   x   x   x   x",
        "PAUSED         x   .   x   .   x   x   x   x   x",
        "CANCELLING     .   .   .   .   .   .   .   x   .",
        "COMPLETED      x   x   x   .   .   .   x   x   .",
        "FAILED         x   x   x   .   .   x   .   x   .",
        "CANCELLED      x   .   x   .   .   x   x   .   .",
        "CRASHED        x   x   x   .   .   x   x   x   .",
    };

    private static final Set<StateType> FROM_NEW;
    private static final Map<StateType, Set<StateType>> ALLOWED;

    static {
        StateType[] columns = StateType.values();
        Map<StateType, Set<StateType>> allowed = new EnumMap<>(StateType.class);
        Set<StateType> fromNew = EnumSet.noneOf(StateType.class);
        for (String row : TABLE) {
            String[] cells = row.trim().split("\\s+");
            if (cells.length != columns.length + 1) {
                throw new IllegalStateException("Malformed transition table row: " + row);
            }
            Set<StateType> targets = EnumSet.noneOf(StateType.class);
            for (int i = 0; i < columns.length; i++) {
                if (cells[i + 1].equals("x")) {
                    targets.add(columns[i]);
                }
            }
            if (cells[0].equals("(new)")) {
                fromNew.addAll(targets);
            } else {
                allowed.put(StateType.valueOf(cells[0]), Collections.unmodifiableSet(targets));
            }
        }
        if (allowed.size() != columns.length) {
            throw new IllegalStateException("The transition table must have one row per state type");
        }
        FROM_NEW = Collections.unmodifiableSet(fromNew);
        ALLOWED = allowed;
    }

    private StateTransitions() {}

    /** Whether a run in a state of type {@code from} may move to a state of type {@code to}. */
    public static boolean isAllowed(StateType from, StateType to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Whether a run that has no state yet may start in a state of type {@code to}. */
    public static boolean isAllowedInitially(StateType to) {
        return FROM_NEW.contains(to);
    }

    /** The types a run in a state of type {@code from} may move to. */
    public static Set<StateType> allowedFrom(StateType from) {
        return ALLOWED.get(from);
    }
}
