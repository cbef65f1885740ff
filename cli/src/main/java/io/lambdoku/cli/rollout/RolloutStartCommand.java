package io.lambdoku.cli.rollout;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.rollout.StartRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollout:start", description = {
    "Move an alias to a release step by step (--strategy), checking the new release's own traffic at each step",
    "(gates) and rolling back by itself when it fails them. Runs until the rollout ends; Ctrl-C pauses it."})
public final class RolloutStartCommand extends AppCommand {

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias to move.")
    String alias;

    @Option(names = "--to", paramLabel = "VERSION", description = "The release to move it to (9 or v9).")
    String to;

    @Option(names = "--no-wait", description = "Start it, leave a detached process driving it, and return.")
    boolean noWait;

    @Mixin
    RolloutOptions options = new RolloutOptions();

    @Spec
    CommandSpec spec;

    public RolloutStartCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected void beforeRuns(Session session) {
        if (alias == null) {
            throw new UsageException("rollout:start needs --alias ALIAS, the alias to move.");
        }
        LambdaLimits.checkAliasName(alias);
        if (to == null || !to.matches("v?[1-9][0-9]{0,9}")) {
            throw new UsageException(to == null ? "rollout:start needs --to VERSION, the release to move " + alias + " to."
                    : "--to '" + to + "' is not a release number such as 9 or v9.");
        }
        options.request("-", alias, version());
        if (noWait && session.apps().size() > 1) {
            throw new UsageException("--no-wait starts one rollout; give one -a.");
        }
    }

    @Override
    protected int runFor(Session session, String function) {
        StartRequest request = options.request(function, alias, version());
        if (noWait) {
            List<String> args = spec.commandLine().getParseResult().originalArgs().stream()
                    .filter(a -> !a.equals("--no-wait")).toList();
            return DetachedDriver.start(session, session.rollouts(), function, alias, "rollout:start", args);
        }
        return RolloutDriving.startAndDrive(session, request);
    }

    private String version() {
        return to.startsWith("v") ? to.substring(1) : to;
    }
}
