package io.lambdoku.cli.rollout;

import io.lambdoku.cli.Launch;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Rollouts;
import picocli.CommandLine.Command;

@Command(name = "rollout:resume", description = "Carry on a rollout whose driver stopped (Ctrl-C, a killed CI job, a lease gone stale), from where it is.")
public final class RolloutResumeCommand extends DrivingCommand {

    public RolloutResumeCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Rollout act(Rollouts rollouts, String function, String alias) {
        return rollouts.resume(function, alias);
    }
}
