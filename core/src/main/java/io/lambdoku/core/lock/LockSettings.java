package io.lambdoku.core.lock;

import java.time.Duration;

/**
 * How long a lease lives without a heartbeat ({@code ttl}), and how long a writer waits for a live holder
 * before giving up ({@code timeout}; zero: fail at once, naming the holder).
 */
public record LockSettings(Duration ttl, Duration timeout) {

    /** Long enough to ride out a stalled network call or a GC pause, short enough that a killed CI job's lock clears by itself. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(2);

    public LockSettings {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the lock TTL must be positive, not " + ttl);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("the lock timeout must not be negative, not " + timeout);
        }
    }

    /** Heartbeats come four times per TTL, so one or two lost to a slow call do not make the lease look stale. */
    public Duration heartbeatEvery() {
        return ttl.dividedBy(4);
    }
}
