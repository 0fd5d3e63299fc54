package dev.weir.server.store;

/** Orders of a flow-run listing; ties are broken by id, and missing times sort last. */
public enum FlowRunSort {
    CREATED_DESC("fr.created DESC"),
    CREATED_ASC("fr.created ASC"),
    START_TIME_DESC("fr.start_time DESC NULLS LAST"),
    START_TIME_ASC("fr.start_time ASC NULLS LAST"),
    END_TIME_DESC("fr.end_time DESC NULLS LAST"),
    END_TIME_ASC("fr.end_time ASC NULLS LAST"),
    EXPECTED_START_TIME_ASC("fr.expected_start_time ASC NULLS LAST"),
    NAME_ASC("fr.name ASC"),
    NAME_DESC("fr.name DESC");

    private final String orderBy;

    FlowRunSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** The ORDER BY clause, the same in both dialects. */
    String orderBy() {
        String tieBreak = name().endsWith("_DESC") ? "fr.id DESC" : "fr.id ASC";
        return orderBy + ", " + tieBreak;
    }
}
