package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.config.EnvAssignments;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.secret.SealedSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config:get", description = {
    "Print the values of config vars; exits 1 if one is not set. A sealed var prints as",
    "<sealed FINGERPRINT>; --reveal decrypts it (needs kms:Decrypt) and says so on stderr."})
public final class ConfigGetCommand extends AppCommand {

    @Parameters(arity = "1..*", paramLabel = "KEY")
    List<String> keys;

    @Option(names = "--reveal", description = "Decrypt and print the values of sealed vars.")
    boolean reveal;

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
        Map<String, String> env = new ConfigVars(session.api(), session.events()).list(function,
                appQualifier().orElse(FunctionConfig.LATEST));
        Map<String, String> revealed = reveal ? session.sealing().reveal(function, asked(env, keys)) : Map.of();
        ConfigView view = new ConfigView(env, revealed);
        List<String> found = keys.stream().filter(view::has).toList();
        if (session.output().json()) {
            session.output().json(view.json(found));
        } else if (keys.size() == 1) {
            found.forEach(k -> session.output().line(view.value(k)));
        } else {
            found.forEach(k -> session.output().line(view.assignment(k)));
        }
        ConfigView.noteRevealed(session.output(), function, revealed.keySet());
        List<String> missing = keys.stream().filter(k -> !view.has(k)).toList();
        if (!missing.isEmpty()) {
            session.output().error(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not set on " + function + ".");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** The vars asked for and the sealed list: only those are decrypted. */
    private static Map<String, String> asked(Map<String, String> env, List<String> keys) {
        Map<String, String> out = new TreeMap<>(env);
        out.keySet().removeIf(k -> !keys.contains(k) && !SealedSet.VAR.equals(k));
        return out;
    }
}
