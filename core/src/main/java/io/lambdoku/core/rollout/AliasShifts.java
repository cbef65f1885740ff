package io.lambdoku.core.rollout;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.core.lock.Guard;
import java.util.Optional;

/**
 * The alias writes of a rollout: each names the RevisionId the rollout last saw, so a change made by anyone
 * else in between fails the write (PreconditionFailed) instead of being overwritten, and each holds the
 * function's lock for its instant, as every other write of lambdoku does.
 */
final class AliasShifts {

    private static final double SAME = 1e-6;

    private final LambdaApi api;
    private final Guard guard;

    AliasShifts(LambdaApi api, Guard guard) {
        this.api = api;
        this.guard = guard;
    }

    Optional<Alias> read(String function, String alias) {
        try {
            return Optional.of(api.getAlias(function, alias));
        } catch (ResourceNotFoundException e) {
            if (e.missing().map(ResourceNotFoundException.Missing::alias).orElse(false)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Moves the alias to {@code weight} percent on the new version (0: the old alone, 100: the new alone). */
    Alias shift(Rollout r, double weight, Alias current) {
        AliasSpec spec = spec(r, weight, current.description());
        return guard.holding(r.function(), "rollout", () -> api.updateAlias(r.function(), spec, Optional.of(current.revisionId())));
    }

    /** An alias that did not exist when the rollout started: there is nothing to shift from, so it is created on the new version. */
    Alias create(Rollout r) {
        return guard.holding(r.function(), "rollout",
                () -> api.createAlias(r.function(), new AliasSpec(r.alias(), r.newVersion(), Optional.empty(), "")));
    }

    /** Whether the alias is exactly where this rollout puts it at {@code weight}. */
    static boolean at(Alias a, Rollout r, double weight) {
        AliasSpec want = spec(r, weight, a.description());
        if (!a.functionVersion().equals(want.functionVersion())) {
            return false;
        }
        if (want.additionalVersion().isEmpty() || a.additionalVersion().isEmpty()) {
            return want.additionalVersion().isEmpty() && a.additionalVersion().isEmpty();
        }
        WeightedVersion w = want.additionalVersion().get();
        WeightedVersion has = a.additionalVersion().get();
        return w.version().equals(has.version()) && Math.abs(w.weight() - has.weight()) < SAME;
    }

    private static AliasSpec spec(Rollout r, double weight, String description) {
        String old = r.oldVersion().orElse(r.newVersion());
        if (weight >= 100) {
            return new AliasSpec(r.alias(), r.newVersion(), Optional.empty(), description);
        }
        if (weight <= 0) {
            return new AliasSpec(r.alias(), old, Optional.empty(), description);
        }
        return new AliasSpec(r.alias(), old, Optional.of(new WeightedVersion(r.newVersion(), weight / 100.0)), description);
    }

    /** {@code v8 80% + v9 20%}, {@code v9}: how status lines and reasons show an alias. */
    static String describe(Alias a) {
        return a.additionalVersion().map(w -> "v" + a.functionVersion() + " " + Weights.text(100 - w.weight() * 100) + " + v"
                + w.version() + " " + Weights.text(w.weight() * 100)).orElse("v" + a.functionVersion());
    }
}
