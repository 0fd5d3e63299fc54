package dev.weir.server.store;

/**
 * The SQLite writer's queue was full, so the write was refused without waiting and nothing was
 * written. The caller may try again shortly; the API answers 503 with {@code Retry-After}.
 */
public final class WriteQueueFullException extends StoreException {

    private final int capacity;

    public WriteQueueFullException(int capacity) {
        super("The database write queue is full (" + capacity + " requests waiting); try again shortly");
        this.capacity = capacity;
    }

    /** How many write requests the queue holds. */
    public int capacity() {
        return capacity;
    }
}
