package io.lambdoku.cli.alias;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "alias:delete", description = "Delete alias NAME; the releases it pointed at stay.")
public final class AliasDeleteCommand extends AppCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    public AliasDeleteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("alias:delete");
    }

    @Override
    protected int runFor(Session session, String function) {
        session.api().getAlias(function, name); // a clear "has no alias" rather than a silent no-op
        session.api().deleteAlias(function, name);
        if (session.output().json()) {
            session.output().json(Map.of("function", function, "deleted", name));
        } else {
            session.output().line("Deleted alias " + name + " of " + function + ".");
        }
        return ExitCodes.OK;
    }
}
