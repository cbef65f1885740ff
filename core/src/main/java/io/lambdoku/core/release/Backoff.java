package io.lambdoku.core.release;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded, jittered exponential backoff: how long to pause before attempt N, and when to give up.
 * Full jitter keeps racing writers from colliding again in lockstep.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1), 40);

    public boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    public Duration delayBefore(int attempt) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 16));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(base.toMillis(), Math.max(base.toMillis(), ceiling) + 1));
    }

    public void pause(int attempt) {
        sleep(delayBefore(attempt));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
