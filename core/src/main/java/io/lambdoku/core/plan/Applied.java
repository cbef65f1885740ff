package io.lambdoku.core.plan;

import io.lambdoku.core.release.Recovered;
import io.lambdoku.core.release.Release;
import java.util.Map;
import java.util.Optional;

/**
 * What applying one function's plan did: the release it made (and an interrupted change it released
 * first), the function's newest release after it ({@code version}, 0 when it has none), and the aliases
 * it pointed, by name, at release numbers.
 */
public record Applied(FunctionPlan plan, int version, Optional<Release> release, Optional<Recovered> recovered,
                      Map<String, String> aliases) {

    public Applied {
        aliases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aliases));
    }

    /** A plan with nothing to change, applied: no release made, no alias pointed. */
    public static Applied unchanged(FunctionPlan plan) {
        return new Applied(plan, plan.newestRelease().orElse(0), Optional.empty(), Optional.empty(), Map.of());
    }

    public String function() {
        return plan.function();
    }
}
