package io.lambdoku.cli.rollout;

import io.lambdoku.cli.Launch;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Rollouts;
import picocli.CommandLine.Command;

@Command(name = "rollout:promote", description = "Skip the remaining waits and move all traffic to the new release now; its gates and post hook still run.")
public final class RolloutPromoteCommand extends DrivingCommand {

    public RolloutPromoteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Rollout act(Rollouts rollouts, String function, String alias) {
        return rollouts.promote(function, alias);
    }
}
