package io.lambdoku.cli.app;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.app.Apps;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apps:destroy", description = "Delete a function and all its releases (asks for --confirm NAME).")
public final class AppsDestroyCommand extends BaseCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The function's name again, to confirm.")
    String confirm;

    public AppsDestroyCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        String function = Session.functionName(name);
        Apps apps = new Apps(session.api(), session.events());
        apps.info(function);
        apps.destroy(function, Optional.ofNullable(confirm).map(Session::functionName));
        if (session.output().json()) {
            session.output().json(Map.of("function", function, "destroyed", true));
        } else {
            session.output().line("Destroyed " + function + ".");
        }
        return ExitCodes.OK;
    }
}
