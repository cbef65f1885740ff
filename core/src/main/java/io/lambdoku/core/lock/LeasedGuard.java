package io.lambdoku.core.lock;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.RandomIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link Guard} over leased locks: takes the function's lease (waiting up to the timeout for a live
 * holder, taking over a stale one), heartbeats it from a daemon thread while the work runs, and releases
 * it afterwards. Every change is a compare-and-swap on what was read, so two runs never both hold it, and a
 * run that was killed leaves a lease that goes stale by itself: nobody has to remove it by hand.
 * Re-entrant per function within one run (a command that holds a lock may call an operation that asks for
 * it again).
 */
public final class LeasedGuard implements Guard, AutoCloseable {

    /** How often a waiting writer looks again; short against a human's patience, long against the store's load. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** Each attempt follows a real change by another run; far more of them means something is wrong. */
    private static final int MAX_ATTEMPTS = 1000;

    private final LockStore store;
    private final Activity activity;
    private final Events events;
    private final LockSettings settings;
    private final String holder;
    private final Clock clock;
    private final Map<String, HeldLease> held = new HashMap<>();
    /** One daemon thread beats every lease held; a plain thread, as a scheduled executor took ~3 ms to start. */
    private Thread heartbeats;
    private boolean closed;

    /** {@code holder} is {@code user@host}, as the lock and the activity record name this run. */
    public LeasedGuard(LockStore store, Activity activity, Events events, LockSettings settings, String holder, Clock clock) {
        this.store = store;
        this.activity = activity;
        this.events = events;
        this.settings = settings;
        this.holder = holder;
        this.clock = clock;
    }

    @Override
    public <T> T holding(String function, String operation, Supplier<T> work) {
        if (isHeld(function)) {
            return work.get();
        }
        HeldLease h = take(function, operation);
        try {
            T result = work.get();
            h.ensureHeld(true);
            return result;
        } finally {
            release(h);
        }
    }

    /**
     * Whether a lease on {@code function} exists, this run's or another's, live or stale: a read, which takes nothing.
     * A command that finds nothing to write answers without the lock only when there is none, so what another run
     * holds still makes it wait or fail as before.
     */
    public boolean leased(String function) {
        return isHeld(function) || store.read(function).isPresent();
    }

    /** Throws {@link LockLostException} if this run held the function's lock and lost it: the caller stops writing. */
    public void ensureHeld(String function) {
        HeldLease h;
        synchronized (this) {
            h = held.get(function);
        }
        if (h != null) {
            h.ensureHeld(false);
        }
    }

    private synchronized boolean isHeld(String function) {
        return held.containsKey(function);
    }

    private HeldLease take(String function, String operation) {
        Instant start = clock.instant();
        Instant deadline = start.plus(settings.timeout());
        String reported = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<StoredLease> taken = store.create(newLease(function, operation));
            if (taken.isPresent()) {
                return hold(taken.get());
            }
            Optional<StoredLease> current = store.read(function);
            if (current.isEmpty()) {
                continue; // released since: try again
            }
            Lease theirs = current.get().lease();
            Instant now = clock.instant();
            if (theirs.staleAt(now)) {
                Optional<StoredLease> over = store.replace(current.get(), newLease(function, operation));
                if (over.isPresent()) {
                    tookOver(theirs, now);
                    return hold(over.get());
                }
                continue; // another run renewed or took it first: look again
            }
            if (!now.isBefore(deadline)) {
                throw locked(theirs, now, Duration.between(start, now));
            }
            if (!theirs.id().equals(reported)) {
                events.waitingForLock(function, theirs.holder(), theirs.operation(), Duration.between(theirs.created(), now));
                reported = theirs.id();
            }
            pause(Duration.between(now, deadline));
        }
        throw new LockedException("The lock on " + function + " kept changing hands; try again.");
    }

    private Lease newLease(String function, String operation) {
        Instant now = clock.instant();
        return new Lease(RandomIds.uuid(), function, operation, holder, pid(), now, now, settings.ttl());
    }

    /**
     * This process's id, which the lease shows (staleness goes by heartbeat, never by pid). ProcessHandle.current()
     * starts the JDK's process-reaper machinery, ~4 ms of every locked command; on Linux /proc/self names the pid.
     */
    private static long pid() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().pid();
        }
    }

    private LockedException locked(Lease theirs, Instant now, Duration waited) {
        String f = theirs.function();
        String after = waited.isZero() || waited.compareTo(Duration.ofSeconds(1)) < 0 ? "" : " after waiting " + Ages.of(waited);
        return new LockedException(f + " is locked by " + theirs.describe(now) + after + "; try again later"
                + (after.isEmpty() ? " (or wait with --lock-timeout 2m)" : "") + ", or 'lambdoku lock:break -a " + f
                + " --reason …' if that run is gone.");
    }

    private void tookOver(Lease theirs, Instant now) {
        Duration silent = Duration.between(theirs.heartbeat(), now);
        events.lockTakenOver(theirs.function(), theirs.holder(), theirs.operation(), silent);
        activity.record(theirs.function(), new ActivityEvent(now, holder, "lock taken over",
                "from " + theirs.describe(now) + ": no heartbeat for longer than its TTL of " + Ages.of(theirs.ttl())));
    }

    private HeldLease hold(StoredLease lease) {
        HeldLease h = new HeldLease(lease);
        synchronized (this) {
            held.put(lease.lease().function(), h);
            if (heartbeats == null && !closed) {
                long every = Math.max(50, settings.heartbeatEvery().toMillis());
                heartbeats = new Thread(() -> beatEvery(every), "lambdoku-lock-heartbeat");
                heartbeats.setDaemon(true); // a run that ends without close() must not be kept alive by its heartbeat
                heartbeats.start();
            }
        }
        return h;
    }

    /** Beats each held lease every {@code millis} (a lease taken between two rounds gets its first beat sooner). */
    private void beatEvery(long millis) {
        while (true) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return; // closed
            }
            List<HeldLease> leases;
            synchronized (this) {
                if (closed) {
                    return;
                }
                leases = new ArrayList<>(held.values());
            }
            leases.forEach(this::beat);
        }
    }

    private void beat(HeldLease h) {
        synchronized (h) {
            if (h.released || h.lost != null) {
                return;
            }
            try {
                Optional<StoredLease> renewed = store.replace(h.current, h.current.lease().beating(clock.instant()));
                if (renewed.isPresent()) {
                    h.current = renewed.get();
                    return;
                }
                String function = h.current.lease().function();
                h.lost = store.read(function).map(s -> "to " + s.lease().describe(clock.instant())).orElse("(it was broken)");
                events.lockLost(function, h.lost);
            } catch (RuntimeException e) {
                // A failed heartbeat (a network blip) is tried again at the next beat; if they keep failing past
                // the TTL another run may take over, and the next beat's compare-and-swap notices.
            }
        }
    }

    private void release(HeldLease h) {
        synchronized (this) {
            held.remove(h.current.lease().function());
        }
        synchronized (h) { // waits for a heartbeat in flight, so the release names the newest version
            h.released = true;
        }
        if (h.lost == null) {
            try {
                store.delete(h.current);
            } catch (RuntimeException e) {
                // Not released: the lease goes stale within its TTL and the next run takes it over.
            }
        }
    }

    private static void pause(Duration remaining) {
        try {
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), remaining.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockedException("Interrupted while waiting for a lock.");
        }
    }

    /** Stops the heartbeat thread. Leases still held (none, after every holding() returned) go stale. */
    @Override
    public synchronized void close() {
        closed = true;
        if (heartbeats != null) {
            heartbeats.interrupt();
        }
    }

    /** One lease this run holds: its newest stored version, and whether a heartbeat found it gone. */
    private static final class HeldLease {
        StoredLease current;
        String lost;
        boolean released;

        HeldLease(StoredLease current) {
            this.current = current;
        }

        /** {@code finished}: the work is done, and only its result is in doubt; otherwise it stops here. */
        synchronized void ensureHeld(boolean finished) {
            if (lost != null) {
                String f = current.lease().function();
                String operation = current.lease().operation();
                throw new LockLostException((finished ? operation + " of " + f + " finished, but lost its lock " + lost
                        + " on the way" : "Lost the lock on " + f + " during " + operation + " " + lost
                        + "; stopped rather than write beside the new holder") + ". Check with 'lambdoku releases -a " + f + "'.");
            }
        }
    }
}
