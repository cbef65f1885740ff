package io.lambdoku.core.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who holds a function's lock, for what, since when, and when it last said it was alive. A lease whose
 * heartbeat is older than its own {@code ttl} is stale: its holder is gone (killed, lost its network)
 * and the next writer may take it over. The holder's TTL counts, not the reader's, since only the
 * holder knows how often it heartbeats.
 */
public record Lease(String id, String function, String operation, String holder, long pid, Instant created,
                    Instant heartbeat, Duration ttl) {

    public Lease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease's ttl must be positive, not " + ttl);
        }
    }

    public boolean staleAt(Instant now) {
        return heartbeat.plus(ttl).isBefore(now);
    }

    /** The same lease, alive at {@code now}. */
    public Lease beating(Instant now) {
        return new Lease(id, function, operation, holder, pid, created, now, ttl);
    }

    /** {@code ana@ci-7 (deploy, 42 s ago, heartbeat 3 s ago)}: what a user needs to judge whether that run is gone. */
    public String describe(Instant now) {
        return holder + " (" + operation + ", " + Ages.ago(created, now) + ", heartbeat " + Ages.ago(heartbeat, now) + ")";
    }
}
