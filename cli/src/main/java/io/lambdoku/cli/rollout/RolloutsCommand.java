package io.lambdoku.cli.rollout;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollouts", description = "The app's rollouts on every alias, newest first: versions, strategy, when, outcome, reason.")
public final class RolloutsCommand extends AppCommand {

    private static final String ROW = "%-12s %-12s %-22s %-20s %-20s %-11s %s";

    @Option(names = {"-n", "--number"}, paramLabel = "N", description = "How many (default: ${DEFAULT-VALUE}).", defaultValue = "20")
    int number;

    public RolloutsCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        List<Rollout> history = session.rollouts().history(function, Math.max(1, number));
        if (session.output().json()) {
            session.output().json(history.stream().map(RolloutJson::map).toList());
        } else if (history.isEmpty()) {
            session.output().line(function + " has had no rollout; start one with 'lambdoku rollout:start' or 'lambdoku deploy"
                    + " --alias A --strategy S'.");
        } else {
            session.output().line(String.format(ROW, "alias", "versions", "strategy", "started", "finished", "outcome", "reason"));
            history.forEach(r -> session.output().line(String.format(ROW, r.alias(),
                    r.oldVersion().map(v -> "v" + v + " -> ").orElse("") + "v" + r.newVersion(), r.strategy().text(),
                    seconds(r.started()), r.finished().map(RolloutsCommand::seconds).orElse("-"), outcome(r),
                    r.reason().or(r::paused).orElse(""))));
        }
        return ExitCodes.OK;
    }

    private static String seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String outcome(Rollout r) {
        return r.paused().isPresent() && !r.phase().finished() ? "Paused" : r.phase().title();
    }
}
