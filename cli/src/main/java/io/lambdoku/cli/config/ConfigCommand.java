package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.config.ConfigVars;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "config", description = "Show the config vars of a function.")
public final class ConfigCommand extends AppCommand {

    public ConfigCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean readsQualified() {
        return true;
    }

    @Override
    protected int runFor(Session session, String function) {
        Map<String, String> vars = new ConfigVars(session.api(), session.events()).list(function, appQualifier().orElse(FunctionConfig.LATEST));
        if (session.output().json()) {
            session.output().json(vars);
        } else {
            vars.forEach((k, v) -> session.output().line(k + "=" + ShellQuote.quote(v)));
        }
        return ExitCodes.OK;
    }
}
