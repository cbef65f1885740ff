package io.lambdoku.cli.url;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.url.FunctionUrls;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "url:delete", description = "Delete the function URL of $LATEST (or --alias A); its address is gone for good.")
public final class UrlDeleteCommand extends AppCommand {

    @Option(names = "--alias", paramLabel = "A", description = "The alias whose URL goes (default: $LATEST's).")
    String alias;

    public UrlDeleteCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("url:delete");
    }

    @Override
    protected int runFor(Session session, String function) {
        FunctionUrl deleted = new FunctionUrls(session.api()).delete(function, Optional.ofNullable(alias));
        if (session.output().json()) {
            session.output().json(Map.of("deleted", UrlView.json(deleted)));
        } else {
            session.output().line("Deleted the function URL of " + deleted.target() + " (" + deleted.url() + ").");
        }
        return ExitCodes.OK;
    }
}
