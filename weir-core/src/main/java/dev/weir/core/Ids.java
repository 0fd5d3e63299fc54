package dev.weir.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Generates run ids: version-7 UUIDs (a millisecond timestamp then random bits), so ids sort by
 * creation time and stay close together in database indexes.
 *
 * <p>Uses {@link ThreadLocalRandom}, not {@code SecureRandom}: ids must be unique, not secret.
 */
public final class Ids {

    private Ids() {}

    /** A new time-ordered id. */
    public static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
