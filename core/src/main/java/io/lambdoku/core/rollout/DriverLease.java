package io.lambdoku.core.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which process drives a rollout and when it last said so. A driver whose heartbeat is older than its TTL
 * is gone (Ctrl-C'd without a word, a killed CI job) and {@code rollout:resume} may take over.
 */
public record DriverLease(String id, String holder, long pid, Instant heartbeat, Duration ttl) {

    public DriverLease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(ttl, "ttl");
    }

    public boolean staleAt(Instant now) {
        return heartbeat.plus(ttl).isBefore(now);
    }

    public DriverLease beating(Instant now) {
        return new DriverLease(id, holder, pid, now, ttl);
    }
}
