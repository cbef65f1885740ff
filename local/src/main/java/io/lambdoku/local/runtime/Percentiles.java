package io.lambdoku.local.runtime;

import java.util.List;

/**
 * Duration percentiles of the store's invocation records, by nearest rank (the smallest value with at least
 * p of the values at or below it), so {@code metrics} and a rollout's p99 gate read the same number.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p} (0..1) percentile of {@code sorted} (ascending); 0 when it is empty. */
    public static double nearestRank(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
