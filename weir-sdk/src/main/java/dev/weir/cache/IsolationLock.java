package dev.weir.cache;

/** A held isolation lock; closing it releases the lock, and closing it again does nothing. */
public interface IsolationLock extends AutoCloseable {

    /** The key this lock is held on. */
    String key();

    /** Releases the lock; must be called on the thread that acquired it. */
    @Override
    void close();
}
