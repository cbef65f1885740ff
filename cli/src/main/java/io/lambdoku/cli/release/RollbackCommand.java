package io.lambdoku.cli.release;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.release.Rollback;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rollback", description = "Restore the code and whole config of release N (default: the one before the current).")
public final class RollbackCommand extends AppCommand {

    @Parameters(arity = "0..1", paramLabel = "N", description = "Release number (v23 or 23).")
    String version;

    public RollbackCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("rollback");
    }

    @Override
    protected int runFor(Session session, String function) {
        return OutcomeView.print(session.output(),
                new Rollback(session.api(), session.events()).to(function, ReleaseNumber.parse(version)));
    }
}
