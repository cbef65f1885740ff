package io.lambdoku.core.rollout;

import java.time.Instant;
import java.util.Optional;

/**
 * One version's own traffic through the alias over a window: what the gates judge. {@code p99Ms} is empty
 * when no invocation completed (or the backend has no duration data yet).
 */
public record Reading(String version, Instant from, Instant to, int invocations, int errors, int throttles,
                      Optional<Double> p99Ms) {

    public static Reading none(String version, Instant from, Instant to) {
        return new Reading(version, from, to, 0, 0, 0, Optional.empty());
    }

    /** Errors per invocation, in percent; 0 with no invocations. */
    public double errorRatePercent() {
        return invocations == 0 ? 0 : 100.0 * errors / invocations;
    }
}
