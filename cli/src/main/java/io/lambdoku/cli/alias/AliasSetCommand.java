package io.lambdoku.cli.alias;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.release.ReleaseNumber;
import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.WeightedVersion;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "alias:set", description = {
    "Point alias NAME at release VERSION, creating it if missing; --weight V2=0.1 sends 10%% of",
    "invocations to release V2 (a canary)."})
public final class AliasSetCommand extends AppCommand {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION")
    String version;

    @Option(names = "--weight", paramLabel = "V2=FRACTION", description = "One more release and its share, from 0 to 1.")
    String weight;

    @Option(names = "--description", paramLabel = "TEXT", description = "The alias's description.")
    String description;

    public AliasSetCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("alias:set");
    }

    @Override
    protected int runFor(Session session, String function) {
        Alias result = new Aliases(session.api(), session.events()).set(function, name, number(version), weighted(),
                Optional.ofNullable(description));
        if (session.output().json()) {
            session.output().json(AliasesCommand.json(result));
        } else {
            session.output().line("Alias " + AliasesCommand.describe(result));
        }
        return ExitCodes.OK;
    }

    private Optional<WeightedVersion> weighted() {
        if (weight == null) {
            return Optional.empty();
        }
        int eq = weight.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--weight '" + weight + "' is not VERSION=FRACTION, e.g. 4=0.1.");
        }
        double fraction;
        try {
            fraction = Double.parseDouble(weight.substring(eq + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--weight fraction '" + weight.substring(eq + 1) + "' is not a number from 0 to 1.");
        }
        return Optional.of(new WeightedVersion(number(weight.substring(0, eq)), fraction));
    }

    private static String number(String v) {
        return String.valueOf(ReleaseNumber.parse(v).orElseThrow());
    }
}
