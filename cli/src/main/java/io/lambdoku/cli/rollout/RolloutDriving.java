package io.lambdoku.cli.rollout;

import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Output;
import io.lambdoku.cli.Session;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.Rollouts;
import io.lambdoku.core.rollout.StartRequest;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What every command that drives a rollout shares (start, resume, promote, abort, deploy --strategy): its progress
 * shown as records are written, Ctrl-C turned into a pause, and the outcome as the last line with its exit code.
 */
public final class RolloutDriving {

    /** A driver checks for a stop at every tick (a second); this bounds the wait should it be stuck in a hook. */
    private static final long PAUSE_WAIT_SECONDS = 20;

    private RolloutDriving() {
    }

    /** rollout:start and deploy --strategy: records the rollout, then drives it here to its end. */
    public static int startAndDrive(Session session, StartRequest request) {
        Rollouts rollouts = session.rollouts();
        return drive(session, rollouts, () -> {
            rollouts.start(request);
            return rollouts.drive(request.function(), request.alias());
        });
    }

    /** Runs {@code action} (which drives the rollout until it is finished or paused) and renders where it ended. */
    static int drive(Session session, Rollouts rollouts, Supplier<Rollout> action) {
        return drive(session, rollouts, action, Phase.SUCCEEDED);
    }

    /** ... where {@code goal} is the phase that makes exit 0 (rollout:abort wants RolledBack). */
    static int drive(Session session, Rollouts rollouts, Supplier<Rollout> action, Phase goal) {
        Output out = session.output();
        RolloutProgress progress = new RolloutProgress(out.err(), RolloutProgress.mode(out.json()), Clock.systemUTC());
        session.showRollouts(progress);
        CountDownLatch rendered = new CountDownLatch(1);
        // SIGINT runs shutdown hooks: ask the driver to pause, and let the JVM end only once the pause is said
        Thread interrupt = new Thread(() -> {
            rollouts.stop("interrupted");
            await(rendered);
        }, "rollout-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupt);
        try {
            Rollout r = action.get();
            progress.close();
            return finish(out, r, goal);
        } finally {
            progress.close();
            rendered.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for us
            }
        }
    }

    /** The final record (--json) or sentence; 0 only when it ended where it was meant to (all traffic on the new version). */
    static int finish(Output out, Rollout r, Phase goal) {
        if (out.json()) {
            out.json(RolloutJson.map(r));
        }
        if (r.phase() == goal) {
            if (!out.json()) {
                out.line(RolloutView.outcome(r));
            }
            return ExitCodes.OK;
        }
        out.note(RolloutView.outcome(r));
        return ExitCodes.FAILURE;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(PAUSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
