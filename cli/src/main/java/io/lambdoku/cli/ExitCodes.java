package io.lambdoku.cli;

/** Exit codes, as design.md §5 names them. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** deploy --dry-run --exit-code, diff/plan --exit-code: changes are pending. */
    public static final int PENDING = 3;
    /** Another live run holds the function's lock (after --lock-timeout, if given); nothing was changed. Retry later. */
    public static final int LOCKED = 4;
    /** Never leaves the process: the command stopped at its first AWS SDK class, absent here; Main runs it again. */
    static final int NEEDS_SDK = -100;

    private ExitCodes() {
    }
}
