package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.config.EnvAssignments;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config:unseal", description = "Decrypt sealed config vars back to plaintext, in one release (Unseal KEY).")
public final class ConfigUnsealCommand extends AppCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY")
    List<String> keys;

    public ConfigUnsealCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("config:unseal");
    }

    @Override
    protected int runFor(Session session, String function) {
        return OutcomeView.print(session.output(), session.sealing().unseal(function, EnvAssignments.parseNames(keys)));
    }
}
