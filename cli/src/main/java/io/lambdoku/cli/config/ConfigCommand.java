package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.lambda.FunctionConfig;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config", description = {
    "Show the config vars of a function. A sealed var shows as KEY=<sealed FINGERPRINT>; --reveal",
    "decrypts sealed vars (needs kms:Decrypt) and says so on stderr."})
public final class ConfigCommand extends AppCommand {

    @Option(names = "--reveal", description = "Decrypt and show the values of sealed vars.")
    boolean reveal;

    public ConfigCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean readsQualified() {
        return true;
    }

    @Override
    protected int runFor(Session session, String function) {
        Map<String, String> env = new ConfigVars(session.api(), session.events()).list(function,
                appQualifier().orElse(FunctionConfig.LATEST));
        Map<String, String> revealed = reveal ? session.sealing().reveal(function, env) : Map.of();
        ConfigView view = new ConfigView(env, revealed);
        if (session.output().json()) {
            session.output().json(view.json(view.keys()));
        } else {
            view.keys().forEach(k -> session.output().line(view.assignment(k)));
        }
        ConfigView.noteRevealed(session.output(), function, revealed.keySet());
        return ExitCodes.OK;
    }
}
