package io.lambdoku.core.rollout;

import java.time.Duration;

/**
 * {@code ttl}: how long a driver's lease lives without a heartbeat (the lock TTL, LAMBDOKU_LOCK_TTL_SECONDS);
 * {@code tick}: how often a driver reads the gates and heartbeats (at most a quarter of the TTL).
 */
public record RolloutSettings(Duration ttl, Duration tick) {

    public RolloutSettings {
        if (ttl.isNegative() || ttl.isZero() || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("a rollout's ttl and tick must be positive");
        }
        tick = tick.compareTo(ttl.dividedBy(4)) > 0 ? ttl.dividedBy(4) : tick;
    }

    public static RolloutSettings of(Duration ttl) {
        return new RolloutSettings(ttl, Duration.ofSeconds(1));
    }
}
