package io.lambdoku.cli.rollout;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Output;
import io.lambdoku.cli.Session;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.Rollouts;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollout", description = {
    "Where the alias's rollout is: phase, weight, step, next shift, the readings per version, who drives it.",
    "--watch refreshes it every second until it ends (exit 0 when it succeeded, 1 otherwise)."})
public final class RolloutCommand extends AppCommand {

    /** The record changes at most once per driver tick, a second. */
    private static final long REFRESH_MS = 1000;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias (default: the app's only one with a rollout).")
    String alias;

    @Option(names = "--watch", description = "Refresh until the rollout ends.")
    boolean watch;

    public RolloutCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        Rollouts rollouts = session.rollouts();
        String chosen = AliasChoice.of(rollouts, function, Optional.ofNullable(alias));
        Rollout r = AliasChoice.current(rollouts, function, chosen);
        if (!watch) {
            show(session.output(), r);
            return ExitCodes.OK;
        }
        return watch(session, rollouts, r);
    }

    private static void show(Output out, Rollout r) {
        if (out.json()) {
            out.json(RolloutJson.map(r));
        } else {
            RolloutView.status(r, Clock.systemUTC().instant()).forEach(out::line);
        }
    }

    /**
     * On a terminal the status block redrawn in place; otherwise a line per transition; --json: the final record.
     * Ends when the rollout does, or when nobody drives it (paused, or its driver gone): it would not move again.
     */
    private static int watch(Session session, Rollouts rollouts, Rollout first) {
        Output out = session.output();
        boolean live = RolloutProgress.mode(out.json()) == RolloutProgress.Mode.LIVE;
        RolloutProgress plain = new RolloutProgress(out.err(), RolloutProgress.mode(out.json()), Clock.systemUTC());
        Rollout r = first;
        while (true) {
            if (live) {
                out.line("\033[H\033[2J" + String.join("\n", RolloutView.status(r, Clock.systemUTC().instant())));
            } else {
                plain.accept(r);
            }
            if (r.phase().finished() || r.lease().map(l -> l.staleAt(Clock.systemUTC().instant())).orElse(true)) {
                return RolloutDriving.finish(out, r, Phase.SUCCEEDED);
            }
            sleep();
            r = rollouts.status(r.function(), r.alias()).orElse(r);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(REFRESH_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
