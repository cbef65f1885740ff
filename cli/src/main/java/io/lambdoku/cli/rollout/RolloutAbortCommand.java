package io.lambdoku.cli.rollout;

import io.lambdoku.cli.Launch;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Rollouts;
import picocli.CommandLine.Command;

@Command(name = "rollout:abort", description = "Send all traffic back to the old release now and end the rollout as rolled back.")
public final class RolloutAbortCommand extends DrivingCommand {

    public RolloutAbortCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Rollout act(Rollouts rollouts, String function, String alias) {
        return rollouts.abort(function, alias);
    }

    /** Rolled back is what was asked for. */
    @Override
    protected Phase goal() {
        return Phase.ROLLED_BACK;
    }
}
