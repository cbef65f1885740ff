package io.lambdoku.cli.app;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.app.Apps;
import io.lambdoku.core.lambda.FunctionConfig;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "apps", description = "List functions.")
public final class AppsCommand extends BaseCommand {

    public AppsCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        List<FunctionConfig> functions = new Apps(session.api(), session.events()).list();
        if (session.output().json()) {
            session.output().json(functions.stream().map(AppsInfoCommand::toJson).toList());
        } else if (functions.isEmpty()) {
            session.output().note("No functions yet; create one with 'lambdoku create NAME'.");
        } else {
            functions.forEach(f -> session.output().line(f.name() + "  " + f.settings().runtime()));
        }
        return ExitCodes.OK;
    }
}
