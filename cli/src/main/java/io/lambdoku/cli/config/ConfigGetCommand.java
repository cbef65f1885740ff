package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.config.EnvAssignments;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config:get", description = "Print the values of config vars; exits 1 if one is not set.")
public final class ConfigGetCommand extends AppCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY")
    List<String> keys;

    public ConfigGetCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean readsQualified() {
        return true;
    }

    @Override
    protected int runFor(Session session, String function) {
        List<String> keys = EnvAssignments.parseNames(this.keys);
        Map<String, String> found = new ConfigVars(session.api(), session.events()).get(function,
                appQualifier().orElse(FunctionConfig.LATEST), keys);
        if (session.output().json()) {
            session.output().json(found);
        } else if (keys.size() == 1) {
            found.values().forEach(session.output()::line);
        } else {
            found.forEach((k, v) -> session.output().line(k + "=" + ShellQuote.quote(v)));
        }
        List<String> missing = keys.stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            session.output().error(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set on " + function + ".");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }
}
