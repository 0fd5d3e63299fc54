package dev.weir.server.store;

/** Which slice of a sorted result to return: at most {@code limit} rows after skipping {@code offset}. */
public record Page(int limit, int offset) {

    /** The API's default: the first 200 rows. */
    public static final Page DEFAULT = new Page(200, 0);

    public Page {
        if (limit < 1) {
            throw new IllegalArgumentException("A page limit must be 1 or more, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("A page offset must be 0 or more, got " + offset);
        }
    }

    public static Page of(int limit, int offset) {
        return new Page(limit, offset);
    }

    /** The first {@code limit} rows. */
    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    /** The page after this one. */
    public Page next() {
        return new Page(limit, offset + limit);
    }
}
