package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.config.EnvAssignments;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config:seal", description = "Seal config vars already set in plaintext, in one release (Seal KEY).")
public final class ConfigSealCommand extends AppCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY")
    List<String> keys;

    @Option(names = "--kms-key", paramLabel = "ID|ARN|alias/NAME", description = "The KMS key to seal under when the app"
            + " has none yet; remembered (see config:key).")
    String kmsKey;

    public ConfigSealCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("config:seal");
    }

    @Override
    protected int runFor(Session session, String function) {
        return OutcomeView.print(session.output(),
                session.sealing().seal(function, EnvAssignments.parseNames(keys), Optional.ofNullable(kmsKey)));
    }
}
