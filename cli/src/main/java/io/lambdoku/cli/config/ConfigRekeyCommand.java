package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.release.OutcomeView;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config:rekey", description = {
    "Re-encrypt every sealed config var in one release (Rekey KEY…), under --kms-key when given, which then",
    "becomes the app's key. Older releases stay decryptable while their key exists."})
public final class ConfigRekeyCommand extends AppCommand {

    @Option(names = "--kms-key", paramLabel = "ID|ARN|alias/NAME", description = "The new KMS key.")
    String kmsKey;

    public ConfigRekeyCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("config:rekey");
    }

    @Override
    protected int runFor(Session session, String function) {
        return OutcomeView.print(session.output(), session.sealing().rekey(function, Optional.ofNullable(kmsKey)));
    }
}
