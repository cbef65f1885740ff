package io.lambdoku.cli.app;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.local.StoreGcSummary;
import io.lambdoku.core.app.Apps;
import io.lambdoku.local.gc.StoreGc;
import java.util.LinkedHashMap;
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
        session.guard().holding(function, "apps:destroy", () -> {
            apps.destroy(function, Optional.ofNullable(confirm).map(Session::functionName));
            return null;
        });
        // the local store frees the function's code and logs at once (issue 11: it only ever grew)
        Optional<StoreGc.Report> gc = StoreGcSummary.afterDeleting(session);
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>(Map.of("function", function, "destroyed", true));
            gc.ifPresent(r -> m.put("gc", StoreGcSummary.json(r)));
            session.output().json(m);
        } else {
            session.output().line("Destroyed " + function + ".");
            gc.ifPresent(r -> session.output().line(StoreGcSummary.line(r)));
        }
        return ExitCodes.OK;
    }
}
