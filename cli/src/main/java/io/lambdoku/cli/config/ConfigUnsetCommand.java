package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.config.EnvAssignments;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config:unset", description = "Remove config vars in one release.")
public final class ConfigUnsetCommand extends AppCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY")
    List<String> keys;

    public ConfigUnsetCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("config:unset");
    }

    @Override
    protected int runFor(Session session, String function) {
        return OutcomeView.print(session.output(),
                new ConfigVars(session.api(), session.events()).unset(function,
                        new LinkedHashSet<>(EnvAssignments.parseNames(keys))));
    }
}
