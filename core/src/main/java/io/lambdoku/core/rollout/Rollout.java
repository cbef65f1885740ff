package io.lambdoku.core.rollout;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable record of one rollout on one alias, rewritten (compare-and-swap) after every transition and
 * every heartbeat, so that any process can tell where it is and carry it on: what moves ({@code oldVersion}
 * → {@code newVersion}; no old version when the alias did not exist), how ({@code strategy}, {@code gates},
 * hooks), where it is ({@code phase}, {@code step} into the strategy's shifts, {@code weight} on the new
 * version now, when the step began and when the next shift is due), the readings per version, the alias
 * RevisionId this rollout last wrote or saw (anything else means someone else moved the alias), who drives
 * it, whether it is paused and why, and what other processes asked of it (promote, abort).
 */
public record Rollout(String id, String function, String alias, Optional<String> oldVersion, String newVersion,
                      Strategy strategy, Gates gates, Optional<Hook> preHook, Optional<Hook> postHook,
                      Phase phase, int step, double weight, Optional<Instant> stepStarted, Optional<Instant> nextShift,
                      Map<String, Reading> readings, Optional<String> aliasRevision, Optional<DriverLease> lease,
                      Optional<String> paused, Requests requests, Optional<String> reason,
                      String startedBy, Instant started, Optional<Instant> finished) {

    public Rollout {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(newVersion, "newVersion");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(phase, "phase");
        readings = Map.copyOf(readings);
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(started, "started");
    }

    /** What other processes asked while the driver runs: set once, never cleared, merged into every rewrite. */
    public record Requests(Optional<String> promoteBy, Optional<String> abortBy) {

        public static final Requests NONE = new Requests(Optional.empty(), Optional.empty());

        public Requests merge(Requests other) {
            return new Requests(promoteBy.or(other::promoteBy), abortBy.or(other::abortBy));
        }
    }

    /** Running or paused: it blocks another rollout on the same alias. */
    public boolean active() {
        return !phase.finished();
    }

    /** The number of shifts, and the 1-based one this rollout is at: {@code step 1/2}. */
    public String stepText() {
        return "step " + Math.min(step + 1, strategy.shifts()) + "/" + strategy.shifts();
    }

    public Rollout withPhase(Phase p) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, p, step, weight,
                stepStarted, nextShift, readings, aliasRevision, lease, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout atStep(int k, double w, Instant began, Optional<Instant> due) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, k, w,
                Optional.of(began), due, readings, aliasRevision, lease, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout withNextShift(Optional<Instant> due) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, due, readings, aliasRevision, lease, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout withWeight(double w) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, w,
                stepStarted, nextShift, readings, aliasRevision, lease, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout withReadings(Map<String, Reading> r) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, nextShift, r, aliasRevision, lease, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout withAliasRevision(String revision) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, nextShift, readings, Optional.of(revision), lease, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout withLease(Optional<DriverLease> l) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, nextShift, readings, aliasRevision, l, paused, requests, reason, startedBy, started, finished);
    }

    public Rollout withPaused(Optional<String> why) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, nextShift, readings, aliasRevision, lease, why, requests, reason, startedBy, started, finished);
    }

    public Rollout withRequests(Requests r) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, nextShift, readings, aliasRevision, lease, paused, r, reason, startedBy, started, finished);
    }

    public Rollout withReason(String why) {
        return withReason(Optional.of(why));
    }

    public Rollout withReason(Optional<String> why) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, phase, step, weight,
                stepStarted, nextShift, readings, aliasRevision, lease, paused, requests, why, startedBy, started, finished);
    }

    /** Final: no driver, no next shift, the time it ended. */
    public Rollout finishedAt(Phase p, Instant at) {
        return new Rollout(id, function, alias, oldVersion, newVersion, strategy, gates, preHook, postHook, p, step, weight,
                stepStarted, Optional.empty(), readings, aliasRevision, Optional.empty(), Optional.empty(), requests, reason,
                startedBy, started, Optional.of(at));
    }
}
