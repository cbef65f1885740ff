package io.lambdoku.core.formation;

import java.time.Duration;

/**
 * How long the reactor waits before reconciling a failed row again: {@code first} after the first failure,
 * doubling up to {@code cap} (1 s … 5 min). A changed desire starts the count again (the reactor resets it).
 * No jitter: one reactor retries each row on its own schedule, so nothing collides in lockstep.
 */
public record RetryDelay(Duration first, Duration cap) {

    public static final RetryDelay DEFAULT = new RetryDelay(Duration.ofSeconds(1), Duration.ofMinutes(5));

    /** The wait after {@code failures} failures in a row (≥ 1). */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
