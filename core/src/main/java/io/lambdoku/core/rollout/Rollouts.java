package io.lambdoku.core.rollout;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lock.Ages;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
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
    private final AliasShifts aliases;
    private final Activity activity;
    private final Events events;
    private final RolloutSettings settings;
    private final String holder;
    private final Clock clock;
    private final Driver driver;

    /** {@code holder} is {@code user@host}, as leases and activity name this process. */
    public Rollouts(LambdaApi api, RolloutStore store, RolloutHealth health, FunctionInvoker invoker, Guard guard,
                    Activity activity, Events events, RolloutSettings settings, String holder, Clock clock) {
        this(api, store, health, invoker, guard, activity, events, settings, holder, clock, null);
    }

    /** {@code pause}: how the driver waits between ticks (null: really waits; tests move a clock instead). */
    Rollouts(LambdaApi api, RolloutStore store, RolloutHealth health, FunctionInvoker invoker, Guard guard, Activity activity,
             Events events, RolloutSettings settings, String holder, Clock clock, Driver.Pause pause) {
        this.api = api;
        this.store = store;
        this.aliases = new AliasShifts(api, guard);
        this.activity = activity;
        this.events = events;
        this.settings = settings;
        this.holder = holder;
        this.clock = clock;
        DriverLease lease = new DriverLease(UUID.randomUUID().toString(), holder, ProcessHandle.current().pid(), clock.instant(),
                settings.ttl());
        this.driver = new Driver(store, health, aliases, new HookRunner(invoker), activity, events, settings, clock, lease, pause);
    }

    /**
     * Records a new rollout (Pending, driven by this process) after checking that both versions exist and
     * no other rollout is active on the alias ({@link RolloutException} naming it otherwise). Does not move
     * traffic: {@link #drive} does.
     */
    public Rollout start(StartRequest request) {
        String f = request.function();
        if (!request.toVersion().matches("[0-9]+")) {
            throw new RolloutException("A rollout moves " + request.alias() + " to a published version, not '"
                    + request.toVersion() + "'; see 'lambdoku releases -a " + f + "'.");
        }
        api.getFunction(f, request.toVersion());
        // an active rollout first: it is why the alias is split, and what the user must hear about
        Optional<StoredRollout> previous = store.current(f, request.alias());
        refuseActive(previous);
        Optional<Alias> alias = aliases.read(f, request.alias());
        if (alias.isPresent()) {
            refuseUnfit(request, alias.get());
        }
        Instant now = clock.instant();
        Rollout r = new Rollout(UUID.randomUUID().toString(), f, request.alias(), alias.map(Alias::functionVersion),
                request.toVersion(), request.strategy(), request.gates(), request.preHook(), request.postHook(), Phase.PENDING,
                0, 0, Optional.empty(), Optional.empty(), Map.of(), alias.map(Alias::revisionId),
                Optional.of(driver.lease().beating(now)), Optional.empty(), Rollout.Requests.NONE, Optional.empty(), holder,
                now, Optional.empty());
        StoredRollout created = store.create(r, previous).orElseGet(() -> {
            refuseActive(store.current(f, request.alias()));
            throw new RolloutException("Another rollout was started on " + Driver.where(r) + " at the same moment; see 'lambdoku rollout'.");
        });
        activity.record(f, new ActivityEvent(now, holder, "rollout started", request.alias() + " v"
                + r.oldVersion().orElse("-") + " → v" + r.newVersion() + " with " + r.strategy().text()));
        events.rollout(created.rollout());
        return created.rollout();
    }

    /**
     * Drives the alias's rollout, which this process must hold, until it is finished or paused (the alias
     * moved by someone else, {@link #stop}, the lease lost); returns the record as it then is.
     */
    public Rollout drive(String function, String alias) {
        StoredRollout s = active(function, alias);
        if (!s.rollout().lease().map(DriverLease::id).equals(Optional.of(driver.lease().id()))) {
            throw new RolloutException("This process does not drive the rollout on " + Driver.where(s.rollout())
                    + "; use 'lambdoku rollout:resume'.");
        }
        return driver.drive(s);
    }

    /** Takes over a paused rollout, or one whose driver stopped heartbeating, and drives it. */
    public Rollout resume(String function, String alias) {
        return driver.drive(takeOver(active(function, alias)));
    }

    /** Skips the remaining waits (gates and the post hook still run); waits for a live driver or drives itself. */
    public Rollout promote(String function, String alias) {
        return request(function, alias, new Rollout.Requests(Optional.of(holder), Optional.empty()));
    }

    /** Back to 100% on the old version now; waits for a live driver or drives itself. */
    public Rollout abort(String function, String alias) {
        return request(function, alias, new Rollout.Requests(Optional.empty(), Optional.of(holder)));
    }

    /** Whether {@code alias} sends all its traffic to {@code version} already: then there is nothing to roll out. */
    public boolean serves(String function, String alias, String version) {
        return aliases.read(function, alias).map(a -> a.functionVersion().equals(version) && a.additionalVersion().isEmpty())
                .orElse(false);
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
        driver.stop(why);
    }

    /** Leaves the request in the record, then lets the live driver act on it, or acts on it here when there is none. */
    private Rollout request(String function, String alias, Rollout.Requests asked) {
        StoredRollout s = active(function, alias);
        for (int attempt = 0; ; attempt++) {
            Optional<StoredRollout> written = store.replace(s, s.rollout().withRequests(s.rollout().requests().merge(asked)));
            if (written.isPresent()) {
                s = written.get();
                break;
            }
            if (attempt > 20) {
                throw new RolloutException("The rollout on " + Driver.where(s.rollout()) + " kept changing; try again.");
            }
            s = active(function, alias);
        }
        return follow(s);
    }

    /** Waits while another live process drives; takes over when it pauses, stops heartbeating or was never there. */
    private Rollout follow(StoredRollout s) {
        while (true) {
            Rollout r = s.rollout();
            if (r.phase().finished()) {
                return r;
            }
            if (!liveElsewhere(r, clock.instant())) {
                return driver.drive(takeOver(s));
            }
            events.rollout(r);
            if (!driver.waitTick()) {
                return r;
            }
            s = store.current(r.function(), r.alias()).orElseThrow();
        }
    }

    /**
     * Puts this process's lease on the rollout. The alias as it is now (its RevisionId) is accepted when the
     * rollout was paused — resuming, promoting or aborting it is a person's decision to carry on from there — or
     * when it is in a shape this rollout makes; otherwise the driver pauses on it. Refused while another driver lives.
     */
    private StoredRollout takeOver(StoredRollout s) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Rollout r = s.rollout();
            Instant now = clock.instant();
            if (liveElsewhere(r, now)) {
                DriverLease l = r.lease().get();
                throw new RolloutException("The rollout on " + Driver.where(r) + " is being driven by " + l.holder() + " (pid "
                        + l.pid() + ", heartbeat " + Ages.ago(l.heartbeat(), now) + "); wait for it, or stop that process first.");
            }
            Rollout taken = r.withLease(Optional.of(driver.lease().beating(now))).withPaused(Optional.empty());
            Optional<Alias> a = aliases.read(r.function(), r.alias());
            if (a.isPresent() && (r.paused().isPresent() || ownShape(a.get(), r))) {
                taken = taken.withAliasRevision(a.get().revisionId());
            }
            Optional<StoredRollout> written = store.replace(s, taken);
            if (written.isPresent()) {
                String from = r.paused().map(p -> "paused: " + p)
                        .orElseGet(() -> r.lease().map(l -> "from " + l.holder() + ", no heartbeat for " + Ages.of(java.time.Duration.between(l.heartbeat(), now))).orElse(""));
                activity.record(r.function(), new ActivityEvent(now, holder, "rollout resumed", r.alias() + " " + from));
                return written.get();
            }
            s = active(r.function(), r.alias());
        }
        throw new RolloutException("The rollout on " + Driver.where(s.rollout()) + " kept changing hands; try again.");
    }

    /**
     * Whether the alias is where this rollout would have put it: its current step, the next one (a driver killed
     * between its alias write and its record write), all old or all new. Anything else was someone else's doing,
     * and the resumed driver pauses on it rather than overwrite it.
     */
    private static boolean ownShape(Alias a, Rollout r) {
        int next = Math.min(r.step() + 1, r.strategy().shifts() - 1);
        return java.util.stream.DoubleStream.of(r.weight(), r.strategy().weightAt(r.step()), r.strategy().weightAt(next), 0, 100)
                .anyMatch(w -> AliasShifts.at(a, r, w));
    }

    private boolean liveElsewhere(Rollout r, Instant now) {
        return r.paused().isEmpty() && r.lease().isPresent() && !r.lease().get().id().equals(driver.lease().id())
                && !r.lease().get().staleAt(now);
    }

    private StoredRollout active(String function, String alias) {
        Optional<StoredRollout> s = store.current(function, alias);
        if (s.isEmpty() || s.get().rollout().phase().finished()) {
            throw new RolloutException("No active rollout on alias " + alias + " of " + function
                    + s.map(x -> " (the last one " + x.rollout().phase().title() + ")").orElse("")
                    + "; 'lambdoku rollouts -a " + function + "' lists past ones.");
        }
        return s.get();
    }

    private static void refuseUnfit(StartRequest request, Alias alias) {
        if (alias.additionalVersion().isPresent()) {
            throw new RolloutException("Alias " + request.alias() + " of " + request.function() + " is already split ("
                    + AliasShifts.describe(alias) + "); point it at one version first ('lambdoku alias:set').");
        }
        if (alias.functionVersion().equals(request.toVersion())) {
            throw new RolloutException("Alias " + request.alias() + " of " + request.function() + " already points at v"
                    + request.toVersion() + ".");
        }
    }

    private void refuseActive(Optional<StoredRollout> current) {
        if (current.isEmpty() || current.get().rollout().phase().finished()) {
            return;
        }
        Rollout r = current.get().rollout();
        Instant now = clock.instant();
        String state = r.paused().map(p -> "paused: " + p).orElseGet(() -> r.lease()
                .map(l -> "driven by " + l.holder() + " (pid " + l.pid() + ", heartbeat " + Ages.ago(l.heartbeat(), now)
                        + (l.staleAt(now) ? ", stale" : "") + ")").orElse("no driver"));
        throw new RolloutException("A rollout is already active on " + Driver.where(r) + ": v" + r.oldVersion().orElse("-")
                + " → v" + r.newVersion() + " (" + r.strategy().text() + "), " + r.phase().title() + " " + r.stepText() + " at "
                + Weights.text(r.weight()) + ", " + state + "; see 'lambdoku rollout -a " + r.function() + " --alias " + r.alias()
                + "', or 'lambdoku rollout:abort'.");
    }
}
