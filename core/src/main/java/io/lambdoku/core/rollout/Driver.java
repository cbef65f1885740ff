package io.lambdoku.core.rollout;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.PreconditionFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The state machine, level-triggered: each tick reads where the rollout is and what the alias and the gates
 * say now, decides the next state from those alone (not from what this process remembers), makes the one
 * alias write that state needs, and rewrites the record with a fresh heartbeat. So a driver that is killed
 * at any point leaves a record from which another process carries on; and a record write that loses its
 * compare-and-swap tells the driver that someone asked something (promote, abort: merged in) or took over
 * (it stops).
 */
final class Driver {

    /** A tick that ends at a due shift sleeps at least this long: no busy loop on a clock that jumps. */
    private static final long MIN_SLEEP_MS = 20;
    /** Failed ticks in a row after which the rollout is paused rather than retried: about half a minute locally. */
    private static final int MAX_FAILURES = 30;

    private final RolloutHealth health;
    private final AliasShifts aliases;
    private final HookRunner hooks;
    private final Events events;
    private final RolloutSettings settings;
    private final Clock clock;
    private final DriverLease lease;
    private final Pause pause;
    private final RecordWrites records;
    private final Object wake = new Object();
    private volatile String stopReason;
    private CompletableFuture<HookRunner.Outcome> hook;
    private Phase hookPhase;

    Driver(RolloutStore store, RolloutHealth health, AliasShifts aliases, HookRunner hooks, Activity activity, Events events,
           RolloutSettings settings, Clock clock, DriverLease lease, Pause pause) {
        this.health = health;
        this.aliases = aliases;
        this.hooks = hooks;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.lease = lease;
        this.pause = pause == null ? this::await : pause;
        this.records = new RecordWrites(store, activity, lease);
    }

    /** How a driver waits between ticks: on a monitor {@link #stop} wakes (tests: a clock they move instead). */
    interface Pause {
        void sleep(long ms) throws InterruptedException;
    }

    DriverLease lease() {
        return lease;
    }

    /**
     * Drives the rollout read as {@code s} (this driver's lease on it) until it is finished or paused. A tick that
     * fails (the function's lock held for a moment by another command, a throttled or failed call) changes nothing
     * and the next tick tries again; after {@link #MAX_FAILURES} in a row the rollout is paused with the error.
     */
    Rollout drive(StoredRollout s) {
        hook = null;
        hookPhase = null;
        Rollout unwritten = null; // a state whose alias write landed but whose record write failed: written first
        int failures = 0;
        try {
            while (true) {
                Rollout r = s.rollout();
                if (r.phase().finished() || r.paused().isPresent()) {
                    return r;
                }
                Instant now = clock.instant();
                Rollout next;
                try {
                    next = stopReason != null ? paused(r, stopReason) : unwritten != null ? unwritten : advance(r, now);
                    if (!next.phase().finished() && next.paused().isEmpty()) {
                        next = next.withLease(Optional.of(lease.beating(now)));
                    }
                    unwritten = next;
                    s = records.write(s, next);
                    unwritten = null;
                    failures = 0;
                } catch (RolloutException taken) {
                    throw taken;
                } catch (RuntimeException e) {
                    if (++failures >= MAX_FAILURES) {
                        return pauseAfterFailures(s, e.getMessage(), failures, now);
                    }
                    sleep(r, now);
                    continue;
                }
                events.rollout(s.rollout());
                records.record(r, s.rollout(), now);
                if (s.rollout().phase().finished() || s.rollout().paused().isPresent()) {
                    return s.rollout();
                }
                sleep(s.rollout(), now);
            }
        } finally {
            hooks.cancel();
        }
    }

    private Rollout pauseAfterFailures(StoredRollout s, String error, int failures, Instant now) {
        Rollout stopped = paused(s.rollout(), "stopped after " + failures + " failed attempts in a row: " + error);
        try {
            s = records.write(s, stopped);
        } catch (RuntimeException e) {
            return stopped; // not even the record can be written: the lease goes stale and resume takes over
        }
        events.rollout(s.rollout());
        records.record(stopped.withPaused(Optional.empty()), s.rollout(), now);
        return s.rollout();
    }

    /** Waits one tick, as a driver does between two; false when {@link #stop} was asked (or the wait interrupted). */
    boolean waitTick() {
        try {
            pause.sleep(settings.tick().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
        }
        return stopReason == null;
    }

    /** Asks {@link #drive} (running in another thread) to pause at its next tick. */
    void stop(String why) {
        stopReason = why;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private Rollout advance(Rollout r, Instant now) {
        return switch (r.phase()) {
            case PENDING -> begin(r, now);
            case PRE_HOOK -> preHook(r, now);
            case SHIFTING -> shifting(r, now);
            case POST_HOOK -> postHook(r, now);
            case ROLLING_BACK -> rollBack(r, now);
            default -> r;
        };
    }

    private Rollout begin(Rollout r, Instant now) {
        if (r.requests().abortBy().isPresent()) {
            return abortedBeforeTraffic(r, now);
        }
        Optional<Alias> a = aliases.read(r.function(), r.alias());
        if (r.oldVersion().isEmpty()) {
            if (a.isPresent()) {
                return r.withReason("alias " + r.alias() + " was created by someone else meanwhile (" + AliasShifts.describe(a.get())
                        + "); not overwriting it").finishedAt(Phase.FAILED, now);
            }
            Alias created = aliases.create(r);
            return r.withAliasRevision(created.revisionId()).withWeight(100)
                    .withReason("alias " + r.alias() + " did not exist: created on v" + r.newVersion() + " (nothing to shift from)")
                    .finishedAt(Phase.SUCCEEDED, now);
        }
        if (moved(r, a)) {
            return changedByOthers(r, a, now);
        }
        return r.preHook().isPresent() ? r.withPhase(Phase.PRE_HOOK) : enterStep(r, 0, a.get(), now);
    }

    private static Rollout abortedBeforeTraffic(Rollout r, Instant now) {
        return r.withReason("aborted by " + r.requests().abortBy().get() + " before any traffic moved").finishedAt(Phase.ROLLED_BACK, now);
    }

    private Rollout preHook(Rollout r, Instant now) {
        if (r.requests().abortBy().isPresent()) {
            return abortedBeforeTraffic(r, now);
        }
        Optional<Alias> a = aliases.read(r.function(), r.alias());
        if (moved(r, a)) {
            return changedByOthers(r, a, now);
        }
        Optional<HookRunner.Outcome> outcome = runHook(r, r.preHook().get(), 0);
        if (outcome.isEmpty()) {
            return r;
        }
        if (!outcome.get().passed()) {
            return r.withReason("pre-hook " + outcome.get().detail() + "; no traffic moved to v" + r.newVersion())
                    .finishedAt(Phase.FAILED, now);
        }
        return enterStep(r, 0, a.get(), now);
    }

    private Rollout shifting(Rollout r, Instant now) {
        Optional<Alias> a = aliases.read(r.function(), r.alias());
        if (moved(r, a)) {
            return changedByOthers(r, a, now);
        }
        if (r.requests().abortBy().isPresent()) {
            return rollingBack(r, a.get(), "aborted by " + r.requests().abortBy().get(), now);
        }
        if (!AliasShifts.at(a.get(), r, r.weight())) {
            return reassert(r, a.get()); // taken over from a driver that stopped between an alias write and its record
        }
        Instant from = r.stepStarted().orElse(now);
        Reading fresh = health.read(r.function(), r.alias(), r.newVersion(), from, now);
        Map<String, Reading> readings = new LinkedHashMap<>();
        readings.put(r.newVersion(), fresh);
        r.oldVersion().ifPresent(old -> readings.put(old, health.read(r.function(), r.alias(), old, from, now)));
        Rollout read = r.withReadings(readings);
        Gates.Verdict verdict = r.gates().judge(fresh, r.weight(), alarmStates(r));
        if (verdict.kind() == Gates.Verdict.Kind.FAIL) {
            return rollingBack(read, a.get(), verdict.reason(), now);
        }
        boolean promote = r.requests().promoteBy().isPresent();
        if (!promote && now.isBefore(r.nextShift().orElse(now))) {
            return read;
        }
        if (verdict.kind() == Gates.Verdict.Kind.PASS || promote) {
            return enterStep(read.withReason(Optional.empty()), promote ? r.strategy().shifts() - 1 : r.step() + 1, a.get(), now);
        }
        Instant deadline = from.plus(r.strategy().interval()).plus(r.gates().maxHold());
        if (!now.isBefore(deadline)) {
            return rollingBack(read, a.get(), r.stepText() + " inconclusive after holding " + io.lambdoku.core.lock.Ages.of(r.gates().maxHold())
                    + ": " + verdict.reason(), now);
        }
        return read.withReason("holding " + r.stepText() + ": " + verdict.reason());
    }

    private Rollout postHook(Rollout r, Instant now) {
        Optional<Alias> a = aliases.read(r.function(), r.alias());
        if (moved(r, a)) {
            return changedByOthers(r, a, now);
        }
        if (r.requests().abortBy().isPresent()) {
            return rollingBack(r, a.get(), "aborted by " + r.requests().abortBy().get(), now);
        }
        Optional<HookRunner.Outcome> outcome = runHook(r, r.postHook().get(), 100);
        if (outcome.isEmpty()) {
            return r;
        }
        if (!outcome.get().passed()) {
            return rollingBack(r, a.get(), "post-hook " + outcome.get().detail(), now);
        }
        return succeeded(r, now);
    }

    private Rollout rollBack(Rollout r, Instant now) {
        Optional<Alias> a = aliases.read(r.function(), r.alias());
        if (moved(r, a)) {
            return changedByOthers(r, a, now);
        }
        return rollingBack(r, a.get(), r.reason().orElse("rolled back"), now);
    }

    /** Back to the old version alone, in this tick: a failing version gets no more traffic than it must. */
    private Rollout rollingBack(Rollout r, Alias a, String reason, Instant now) {
        Rollout back = r.withPhase(Phase.ROLLING_BACK).withReason(reason);
        try {
            Alias written = aliases.shift(back, 0, a);
            return back.withAliasRevision(written.revisionId()).withWeight(0).finishedAt(Phase.ROLLED_BACK, now);
        } catch (PreconditionFailedException raced) {
            return changedByOthers(back, aliases.read(r.function(), r.alias()), now);
        }
    }

    private Rollout enterStep(Rollout r, int k, Alias a, Instant now) {
        double weight = r.strategy().weightAt(k);
        Alias written;
        try {
            written = aliases.shift(r, weight, a);
        } catch (PreconditionFailedException raced) {
            return changedByOthers(r, aliases.read(r.function(), r.alias()), Instant.now(clock));
        }
        Rollout at = r.withAliasRevision(written.revisionId()).withPhase(Phase.SHIFTING);
        if (weight < 100) {
            return at.atStep(k, weight, now, Optional.of(now.plus(r.strategy().interval())));
        }
        Rollout all = at.atStep(k, 100, now, Optional.empty());
        return r.postHook().isPresent() ? all.withPhase(Phase.POST_HOOK) : succeeded(all, now);
    }

    private Rollout reassert(Rollout r, Alias a) {
        try {
            return r.withAliasRevision(aliases.shift(r, r.weight(), a).revisionId());
        } catch (PreconditionFailedException raced) {
            return changedByOthers(r, aliases.read(r.function(), r.alias()), Instant.now(clock));
        }
    }

    private static Rollout succeeded(Rollout r, Instant now) {
        return r.withWeight(100).withReason("v" + r.newVersion() + " serves all of " + r.alias())
                .finishedAt(Phase.SUCCEEDED, now);
    }

    private static boolean moved(Rollout r, Optional<Alias> a) {
        return a.isEmpty() || !r.aliasRevision().equals(Optional.of(a.get().revisionId()));
    }

    /** Paused, so a person decides; a deleted alias ends the rollout, since nothing is left to shift or restore. */
    private Rollout changedByOthers(Rollout r, Optional<Alias> a, Instant now) {
        if (a.isEmpty()) {
            return r.withReason("alias " + r.alias() + " was deleted by someone else; the rollout ends").finishedAt(Phase.FAILED, now);
        }
        return paused(r, "alias " + r.alias() + " was changed by someone else (now " + AliasShifts.describe(a.get())
                + "); not overwriting it");
    }

    private static Rollout paused(Rollout r, String why) {
        return r.withPaused(Optional.of(why)).withLease(Optional.empty());
    }

    private Map<String, String> alarmStates(Rollout r) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String alarm : r.gates().alarms()) {
            health.alarmState(alarm).ifPresent(s -> states.put(alarm, s));
        }
        return states;
    }

    /** The hook's outcome once it finished; it runs on its own thread so the driver keeps heartbeating meanwhile. */
    private Optional<HookRunner.Outcome> runHook(Rollout r, Hook h, double weight) {
        if (hook == null || hookPhase != r.phase()) {
            hookPhase = r.phase();
            hook = CompletableFuture.supplyAsync(() -> {
                try {
                    return hooks.run(h, r, weight);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new HookRunner.Outcome(false, h.describe() + " was interrupted");
                }
            });
            hook.whenComplete((o, e) -> wakeUp());
        }
        if (!hook.isDone()) {
            return Optional.empty();
        }
        try {
            return Optional.of(hook.join());
        } catch (RuntimeException e) {
            return Optional.of(new HookRunner.Outcome(false, h.describe() + " failed: " + e.getMessage()));
        }
    }


    private void sleep(Rollout r, Instant now) {
        long ms = settings.tick().toMillis();
        long untilShift = r.nextShift().map(at -> Duration.between(now, at).toMillis()).orElse(ms);
        if (untilShift > 0) { // hook phases have no next shift: they wake when the hook ends
            // a shift already due (a step held for lack of invocations) waits a whole tick: each tick reads the
            // gates and writes the record, which on AWS are CloudWatch requests and an S3 PUT
            ms = Math.min(ms, untilShift);
        }
        try {
            pause.sleep(Math.max(MIN_SLEEP_MS, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopReason = "interrupted";
        }
    }

    private void await(long ms) throws InterruptedException {
        synchronized (wake) {
            if (stopReason == null) {
                wake.wait(ms);
            }
        }
    }

    private void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    static String where(Rollout r) {
        return "alias " + r.alias() + " of " + r.function();
    }
}
