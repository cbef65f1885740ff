package io.lambdoku.cli.rollout;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Rollouts;
import java.util.Optional;
import picocli.CommandLine.Option;

/** rollout:resume, :promote and :abort: one call on the alias's rollout, which may then drive it to its end here. */
abstract class DrivingCommand extends AppCommand {

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias (default: the app's only one with a rollout).")
    String alias;

    DrivingCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected final int runFor(Session session, String function) {
        Rollouts rollouts = session.rollouts();
        String chosen = AliasChoice.of(rollouts, function, Optional.ofNullable(alias));
        return RolloutDriving.drive(session, rollouts, () -> act(rollouts, function, chosen), goal());
    }

    /** Where the rollout must end for exit 0. */
    protected Phase goal() {
        return Phase.SUCCEEDED;
    }

    protected abstract Rollout act(Rollouts rollouts, String function, String alias);
}
