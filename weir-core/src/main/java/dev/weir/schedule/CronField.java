package dev.weir.schedule;

import dev.weir.core.WeirException;
import java.util.List;

/**
 * One of the five cron fields: its name, range and value names, and the parser that turns its text
 * into a bit set of the values it matches.
 *
 * <p>Accepted: numbers, names where the field has them ({@code JAN}, {@code MON}), {@code *},
 * {@code ?} in the day fields, ranges {@code a-b}, steps {@code *}{@code /n}, {@code a/n} and
 * {@code a-b/n}, and comma-separated lists of these. Day-of-week 7 is Sunday, as 0 is.
 */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    String label() {
        return label;
    }

    /** The bits of every value the field can hold; day-of-week counts Sunday once, as 0. */
    long all() {
        return this == DAY_OF_WEEK ? bits(0, 6) : bits(min, max);
    }

    /** Parses the field's text into a bit set; {@code expression} is quoted in error messages. */
    long parse(String text, String expression) {
        long mask = 0;
        for (String part : text.split(",", -1)) {
            mask |= parsePart(part, expression);
        }
        if (this == DAY_OF_WEEK && (mask & (1L << 7)) != 0) {
            mask = (mask & ~(1L << 7)) | 1L;
        }
        return mask;
    }

    private long parsePart(String part, String expression) {
        if (part.isEmpty()) {
            throw error(expression, "'" + part + "' is empty");
        }
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
            range = part.substring(0, slash);
            step = number(part.substring(slash + 1), expression, "step");
            if (step < 1 || step > max) {
                throw error(expression, "step " + step + " is out of range 1-" + max);
            }
        }
        int from;
        int to;
        if (range.equals("*") || range.equals("?")) {
            if (range.equals("?") && this != DAY_OF_MONTH && this != DAY_OF_WEEK) {
                throw error(expression, "'?' is accepted only in day-of-month and day-of-week");
            }
            from = min;
            to = this == DAY_OF_WEEK ? 6 : max;
        } else {
            int dash = range.indexOf('-');
            from = value(dash >= 0 ? range.substring(0, dash) : range, expression);
            to = dash >= 0 ? value(range.substring(dash + 1), expression) : (slash >= 0 ? max : from);
            if (to < from) {
                throw error(expression, "range " + range + " runs backwards; accepted: a-b with a <= b");
            }
        }
        long mask = 0;
        for (int v = from; v <= to; v += step) {
            mask |= 1L << v;
        }
        return mask;
    }

    private int value(String token, String expression) {
        int named = names.indexOf(token.toUpperCase(java.util.Locale.ROOT));
        if (named >= 0) {
            return this == MONTH ? named + 1 : named;
        }
        int v = number(token, expression, "value");
        if (v < min || v > max) {
            throw error(expression, v + " is out of range " + min + "-" + max);
        }
        return v;
    }

    private int number(String token, String expression, String what) {
        if (token.isEmpty() || token.length() > 4 || !token.chars().allMatch(Character::isDigit)) {
            throw error(expression, what + " '" + token + "' is not accepted; accepted: " + accepted());
        }
        return Integer.parseInt(token);
    }

    private String accepted() {
        String base = "numbers " + min + "-" + max;
        if (!names.isEmpty()) {
            base += " or names " + names.get(0) + "-" + names.get(names.size() - 1);
        }
        String question = this == DAY_OF_MONTH || this == DAY_OF_WEEK ? ", ?" : "";
        return base + ", *" + question + ", ranges a-b, steps */n or a-b/n, lists a,b (no L, W, #, R or H)";
    }

    private WeirException error(String expression, String detail) {
        return new WeirException("cron '" + expression + "': " + label + " " + detail);
    }

    static long bits(int from, int to) {
        long mask = 0;
        for (int v = from; v <= to; v++) {
            mask |= 1L << v;
        }
        return mask;
    }
}
