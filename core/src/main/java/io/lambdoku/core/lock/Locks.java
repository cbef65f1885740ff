package io.lambdoku.core.lock;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import java.time.Clock;
import java.util.Optional;

/** What {@code lambdoku lock} and {@code lock:break} do: show a function's lease, or remove it on a person's word. */
public final class Locks {

    /** Breaking races only with heartbeats of the lease being broken; a few tries are plenty. */
    private static final int BREAK_ATTEMPTS = 5;

    private final LockStore store;
    private final Activity activity;
    private final Clock clock;

    public Locks(LockStore store, Activity activity, Clock clock) {
        this.store = store;
        this.activity = activity;
        this.clock = clock;
    }

    /** The lease as it stands now, and whether it is stale (the next writer would take it over). */
    public record Status(Lease lease, boolean stale) {
    }

    public Optional<Status> show(String function) {
        return store.read(function).map(s -> new Status(s.lease(), s.lease().staleAt(clock.instant())));
    }

    /**
     * Removes the function's lease whoever holds it, and records who broke it and why in the app's activity;
     * empty when it was not locked. A live holder notices at its next heartbeat and stops.
     */
    public Optional<Lease> breakLock(String function, String reason, String who) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to break a lock");
        }
        for (int attempt = 0; attempt < BREAK_ATTEMPTS; attempt++) {
            Optional<StoredLease> current = store.read(function);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (store.delete(current.get())) {
                Lease broken = current.get().lease();
                activity.record(function, new ActivityEvent(clock.instant(), who, "lock broken",
                        "held by " + broken.describe(clock.instant()) + "; reason: " + reason.strip()));
                return Optional.of(broken);
            }
        }
        throw new LockedException("The lock on " + function + " kept changing while breaking it; try again.");
    }
}
