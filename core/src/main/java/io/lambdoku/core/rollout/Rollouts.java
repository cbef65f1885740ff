package io.lambdoku.core.rollout;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lock.Guard;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Progressive delivery on an alias: what {@code rollout:*} and {@code deploy --strategy} call. A rollout is a
 * record in the {@link RolloutStore}; whichever process holds its lease drives it (the {@link Driver}), every
 * other one only reads it or leaves requests in it (promote, abort), so a rollout survives its driver and is
 * never driven twice.
 */
public final class Rollouts {

    private final LambdaApi api;
    private final RolloutStore store;
    private final RolloutHealth health;
    private final FunctionInvoker invoker;
    private final Guard guard;
    private final Activity activity;
    private final Events events;
    private final RolloutSettings settings;
    private final String holder;
    private final Clock clock;

    /** {@code holder} is {@code user@host}, as leases and activity name this process. */
    public Rollouts(LambdaApi api, RolloutStore store, RolloutHealth health, FunctionInvoker invoker, Guard guard,
                    Activity activity, Events events, RolloutSettings settings, String holder, Clock clock) {
        this.api = api;
        this.store = store;
        this.health = health;
        this.invoker = invoker;
        this.guard = guard;
        this.activity = activity;
        this.events = events;
        this.settings = settings;
        this.holder = holder;
        this.clock = clock;
    }

    /**
     * Records a new rollout (Pending, driven by this process) after checking that both versions exist and
     * no other rollout is active on the alias ({@link RolloutException} naming it otherwise). Does not move
     * traffic: {@link #drive} does.
     */
    public Rollout start(StartRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Drives the alias's rollout, which this process must hold, until it is finished or paused (the alias
     * moved by someone else, {@link #stop}, the lease lost); returns the record as it then is.
     */
    public Rollout drive(String function, String alias) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Takes over a paused rollout, or one whose driver stopped heartbeating, and drives it. */
    public Rollout resume(String function, String alias) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Skips the remaining waits (gates and the post hook still run); waits for a live driver or drives itself. */
    public Rollout promote(String function, String alias) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Back to 100% on the old version now; waits for a live driver or drives itself. */
    public Rollout abort(String function, String alias) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The alias's newest rollout, running or not. */
    public Optional<Rollout> status(String function, String alias) {
        return store.current(function, alias).map(StoredRollout::rollout);
    }

    public List<Rollout> history(String function, int limit) {
        return store.history(function, limit);
    }

    /** Asks a {@link #drive} in progress (another thread: Ctrl-C) to pause at its next tick and return. */
    public void stop(String why) {
        throw new UnsupportedOperationException("not yet");
    }
}
