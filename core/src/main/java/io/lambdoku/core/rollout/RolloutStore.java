package io.lambdoku.core.rollout;

import java.util.List;
import java.util.Optional;

/**
 * Where rollout records live: one slot per function and alias holding its newest rollout (running, paused
 * or finished), every change a compare-and-swap, so two drivers never both win; and the history of every
 * rollout of a function. Local: SQLite rows with a generation; AWS: objects in the artifact bucket written
 * with If-None-Match / If-Match. Records are stored as {@link RolloutJson} documents.
 */
public interface RolloutStore {

    /** The alias's newest rollout, if it ever had one. */
    Optional<StoredRollout> current(String function, String alias);

    /**
     * Puts a new rollout in its alias's slot, provided the slot still holds {@code previous} (empty: the
     * alias never had a rollout). Empty when someone else changed the slot since it was read. Callers only
     * replace a finished rollout; the store keeps it in the history.
     */
    Optional<StoredRollout> create(Rollout rollout, Optional<StoredRollout> previous);

    /** Rewrites the rollout read as {@code expected}; empty when it changed since (another process wrote it). */
    Optional<StoredRollout> replace(StoredRollout expected, Rollout updated);

    /** The function's rollouts on every alias, running ones included, newest start first, at most {@code limit}. */
    List<Rollout> history(String function, int limit);
}
