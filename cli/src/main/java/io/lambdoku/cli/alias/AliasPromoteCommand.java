package io.lambdoku.cli.alias;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.lambda.Alias;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "alias:promote", description = {
    "Point alias TO at the release alias FROM points at, with no upload and no new release",
    "(e.g. alias:promote test prod)."})
public final class AliasPromoteCommand extends AppCommand {

    @Parameters(index = "0", paramLabel = "FROM")
    String from;

    @Parameters(index = "1", paramLabel = "TO")
    String to;

    public AliasPromoteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("alias:promote");
    }

    @Override
    protected int runFor(Session session, String function) {
        Alias moved = new Aliases(session.api(), session.events()).promote(function, from, to);
        if (session.output().json()) {
            session.output().json(Map.of("function", function, "alias", to, "version", moved.functionVersion()));
        } else {
            session.output().line("Alias " + to + " -> v" + moved.functionVersion() + " (as " + from + ")");
        }
        return ExitCodes.OK;
    }
}
