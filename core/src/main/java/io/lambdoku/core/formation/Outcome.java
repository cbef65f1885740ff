package io.lambdoku.core.formation;

/**
 * How one reconcile of a row ended, which tells the reactor when to look again: {@code DONE} at the next resync
 * or change; {@code WAITING} (provisioned environments still starting) soon; {@code FAILED} after the retry delay;
 * {@code AGAIN} at once (the row changed under it, so its write-back was refused); {@code GONE} never (no row, no
 * function of ours). {@code generation}: the desire's generation this was about (-1 for no row).
 */
public record Outcome(Kind kind, long generation, String reason) {

    public enum Kind {
        DONE, WAITING, FAILED, AGAIN, GONE
    }

    public static Outcome done(long generation) {
        return new Outcome(Kind.DONE, generation, "");
    }

    public static Outcome waiting(long generation, String reason) {
        return new Outcome(Kind.WAITING, generation, reason);
    }

    public static Outcome failed(long generation, String reason) {
        return new Outcome(Kind.FAILED, generation, reason);
    }

    public static Outcome again(long generation) {
        return new Outcome(Kind.AGAIN, generation, "the row changed meanwhile");
    }

    public static Outcome gone() {
        return new Outcome(Kind.GONE, -1, "");
    }
}
