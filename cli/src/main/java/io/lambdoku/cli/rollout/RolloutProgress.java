package io.lambdoku.cli.rollout;

import io.lambdoku.core.rollout.Rollout;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Shows rollout records as the driver writes them, on stderr: on a terminal one line redrawn in place (phase,
 * step, weight, time to the next shift, the new version's readings), since a heartbeat rewrites the record every
 * second; otherwise a plain line per transition, so CI logs hold what happened and not every heartbeat. With
 * --json nothing: stdout then carries only the final record.
 */
final class RolloutProgress implements Consumer<Rollout> {

    enum Mode { LIVE, PLAIN, QUIET }

    private final PrintStream err;
    private final Mode mode;
    private final Clock clock;
    private String lastKey = "";
    private boolean lineOpen;

    RolloutProgress(PrintStream err, Mode mode, Clock clock) {
        this.err = err;
        this.mode = mode;
        this.clock = clock;
    }

    static Mode mode(boolean json) {
        return json ? Mode.QUIET : System.console() != null ? Mode.LIVE : Mode.PLAIN;
    }

    @Override
    public synchronized void accept(Rollout r) {
        if (mode == Mode.LIVE) {
            err.print("\r\033[K" + RolloutView.progress(r, clock.instant()));
            err.flush();
            lineOpen = true;
        } else if (mode == Mode.PLAIN && !RolloutView.transitionKey(r).equals(lastKey)) {
            lastKey = RolloutView.transitionKey(r);
            err.println(RolloutView.transition(r));
        }
    }

    /** Ends the live line, so what follows starts on a line of its own. */
    synchronized void close() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }
}
