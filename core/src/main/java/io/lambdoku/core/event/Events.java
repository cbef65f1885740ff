package io.lambdoku.core.event;

/**
 * What operations report while they work; the CLI decides how (or whether) to show it.
 * Core never prints.
 */
public interface Events {

    Events NONE = new Events() {
    };

    /** A write lost a race (stale RevisionId or update in progress) and is re-applied. */
    default void retrying(String function, int attempt, String reason) {
    }

    /** The function's LastUpdateStatus is InProgress; the operation waits for it. */
    default void waitingForUpdate(String function) {
    }

    /**
     * Functions will run as plain processes of this machine, not sandboxed (no bubblewrap, or it
     * cannot run here): they can see and change what the user running lambdoku can. Said once.
     */
    default void functionsNotIsolated(String reason) {
    }

    /** A named step of a longer operation starts (build, upload, publish, point alias…): progress on a TTY. */
    default void step(String function, String step) {
    }

    /** Another writer holds the function's lock; the operation waits for it (up to its --lock-timeout). */
    default void waitingForLock(String function, String holder, String operation, java.time.Duration age) {
    }

    /** A lock whose holder stopped heartbeating was taken over (and recorded in the app's activity). */
    default void lockTakenOver(String function, String holder, String operation, java.time.Duration age) {
    }

    /**
     * This run's lock was taken over (its heartbeats stopped landing for longer than the TTL) or broken;
     * {@code how} says by whom. The operation stops at its next step.
     */
    default void lockLost(String function, String how) {
    }

    /**
     * A rollout's record was written (a shift, a reading, a hook's outcome, a heartbeat): the CLI redraws its
     * progress line from it, or prints a plain line when the phase, step or pause changed.
     */
    default void rollout(io.lambdoku.core.rollout.Rollout rollout) {
    }
}
