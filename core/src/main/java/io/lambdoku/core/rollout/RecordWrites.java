package io.lambdoku.core.rollout;

import io.lambdoku.core.activity.Activity;
import io.lambdoku.core.activity.ActivityEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How a driver rewrites its rollout's record: compare-and-swap on what it last wrote; when that fails because
 * another process left a request (promote, abort) the request is merged in and the write made again, and when it
 * fails because someone else took the rollout over, the driver stops. Outcomes go to the app's activity too.
 */
final class RecordWrites {

    /** Record writes re-tried after another process merged a request in; more means something is wrong. */
    private static final int MAX_WRITES = 50;

    private final RolloutStore store;
    private final Activity activity;
    private final DriverLease lease;

    RecordWrites(RolloutStore store, Activity activity, DriverLease lease) {
        this.store = store;
        this.activity = activity;
        this.lease = lease;
    }

    StoredRollout write(StoredRollout s, Rollout next) {
        for (int attempt = 0; attempt < MAX_WRITES; attempt++) {
            Optional<StoredRollout> written = store.replace(s, next);
            if (written.isPresent()) {
                return written.get();
            }
            String place = Driver.where(next);
            StoredRollout fresh = store.current(next.function(), next.alias())
                    .orElseThrow(() -> new RolloutException("The rollout on " + place + " vanished from the store."));
            Rollout theirs = fresh.rollout();
            if (!theirs.id().equals(next.id()) || !theirs.lease().map(DriverLease::id).equals(Optional.of(lease.id()))) {
                throw new RolloutException("The rollout on " + Driver.where(next) + " was taken over"
                        + theirs.lease().map(l -> " by " + l.holder() + " (pid " + l.pid() + ")").orElse("") + "; this process stopped driving it.");
            }
            next = next.withRequests(next.requests().merge(theirs.requests()));
            s = fresh;
        }
        throw new RolloutException("The rollout record of " + Driver.where(next) + " kept changing under this driver; try 'lambdoku rollout:resume'.");
    }

    void record(Rollout before, Rollout after, Instant now) {
        String what = null;
        if (after.phase().finished()) {
            what = "rollout " + after.phase().title().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        } else if (after.paused().isPresent() && before.paused().isEmpty()) {
            what = "rollout paused";
        }
        if (what != null) {
            String detail = after.alias() + " v" + after.oldVersion().orElse("-") + " → v" + after.newVersion()
                    + after.reason().or(after::paused).map(x -> ": " + x).orElse("");
            activity.record(after.function(), new ActivityEvent(now, lease.holder(), what, detail));
        }
    }
}
