package io.lambdoku.cli.release;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.release.Rollback;
import io.lambdoku.core.release.RollbackPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = "Restore the code and whole config of release N (default: the one before the current).")
public final class RollbackCommand extends AppCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "Release number (v23 or 23).")
    String version;

    @Option(names = "--dry-run", description = "Show what the rollback would change (config keys, never values), and change nothing.")
    boolean dryRun;

    public RollbackCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return dryRun ? Optional.empty() : Optional.of("rollback");
    }

    @Override
    protected int runFor(Session session, String function) {
        if (dryRun) {
            return printPlan(session, new Rollback(session.api(), session.events()).plan(function, ReleaseNumber.parse(version)));
        }
        return OutcomeView.print(session.output(),
                new Rollback(session.api(), session.events()).to(function, ReleaseNumber.parse(version)));
    }

    private static int printPlan(Session session, RollbackPlan plan) {
        if (session.output().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("function", plan.function());
            json.put("version", Integer.toString(plan.target().version()));
            json.put("changes", plan.changesAnything());
            json.put("codeAvailable", plan.codeAvailable());
            json.put("plan", plan.lines());
            session.output().json(json);
        } else {
            session.output().line("Dry run: rolling back " + plan.function() + " to " + plan.target().label() + " would change:");
            plan.lines().forEach(l -> session.output().line("  " + l));
        }
        return ExitCodes.OK;
    }
}
