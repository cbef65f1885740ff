package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.config.ConfigVars;
import io.lambdoku.core.config.EnvAssignments;
import io.lambdoku.core.release.ReleaseOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "config:set", description = {
    "Set config vars in one release, e.g. config:set A=1 'B=two words'. Keep secrets out of ps and the",
    "shell history: KEY=- reads the value from standard input (a hidden prompt on a terminal), --file .env",
    "reads KEY=VALUE lines. --secret seals the values: encrypted with KMS under the app's key (--kms-key",
    "ID|ARN|alias/NAME once), decrypted by the function; lambdoku shows only their fingerprints."})
public final class ConfigSetCommand extends AppCommand {

    @Parameters(arity = "0..*", paramLabel = "KEY=VALUE")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--file", paramLabel = ".env", description = "Also set every KEY=VALUE line of this file.")
    Path file;

    @Option(names = "--secret", description = "Seal the values with KMS (see 'Secrets' in the README).")
    boolean secret;

    @Option(names = "--kms-key", paramLabel = "ID|ARN|alias/NAME", description = "With --secret: the KMS key to seal"
            + " under, remembered for the app (see config:key).")
    String kmsKey;

    private Map<String, String> vars;

    public ConfigSetCommand(Launch launch) {
        super(launch);
    }

    /** A value that starts with '-' is an argument here, so it reaches the parser that never echoes it. */
    @Override
    public boolean takesSecrets() {
        return true;
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("config:set");
    }

    /** Parsed (and stdin read) once, whatever the number of -a, and before the lock is taken. */
    @Override
    protected void beforeRuns(Session session) {
        if (kmsKey != null && !secret) {
            throw new UsageException("--kms-key goes with --secret; to set the app's key alone run 'lambdoku config:key"
                    + " --kms-key " + kmsKey + "'.");
        }
        vars = vars(session);
    }

    /** Values it already has: nothing to release (the everyday re-assertion of a pipeline's config). */
    @Override
    protected Optional<ReleaseOutcome> unchangedByReading(Session session, String function) {
        if (secret) {
            return Optional.empty(); // sealed values are compared by fingerprint, after sealing them with KMS: under the lock
        }
        return new ConfigVars(session.api(), session.events()).alreadySet(function, vars);
    }

    @Override
    protected int runFor(Session session, String function) {
        return OutcomeView.print(session.output(), secret
                ? session.sealing().set(function, vars, Optional.ofNullable(kmsKey))
                : new ConfigVars(session.api(), session.events()).set(function, vars));
    }

    private Map<String, String> vars(Session session) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (file != null) {
            vars.putAll(EnvAssignments.parseDotEnv(session.launch().cwd().resolve(file)));
        }
        vars.putAll(EnvAssignments.parseArguments(assignments, new StdinValue(session.launch())));
        if (vars.isEmpty()) {
            throw new UsageException("Nothing to set; give KEY=VALUE arguments, KEY=- (value on standard input) or --file .env.");
        }
        return vars;
    }
}
