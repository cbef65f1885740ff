package io.lambdoku.cli.config;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.secret.AppKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "config:key", description = {
    "Show the KMS key the app seals config vars under (the function tag " + AppKey.TAG + "), or set it with",
    "--kms-key. Vars sealed before keep their key until 'config:rekey'."})
public final class ConfigKeyCommand extends AppCommand {

    @Option(names = "--kms-key", paramLabel = "ID|ARN|alias/NAME", description = "The key to seal under from now on.")
    String kmsKey;

    public ConfigKeyCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return kmsKey == null ? Optional.empty() : Optional.of("config:key");
    }

    @Override
    protected int runFor(Session session, String function) {
        AppKey keys = session.sealing().keys();
        Optional<String> key = kmsKey == null ? keys.current(function) : Optional.of(keys.remember(function, kmsKey));
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", function);
            m.put("kmsKey", key.orElse(null));
            session.output().json(m);
        } else if (key.isPresent()) {
            session.output().line((kmsKey == null ? "" : "Now ") + function + " seals config vars under " + key.get() + ".");
        } else {
            session.output().line(function + " has no KMS key yet; set one with 'lambdoku config:key --kms-key"
                    + " ID|ARN|alias/NAME' (lambdoku setup --kms-key creates alias/lambdoku).");
        }
        return ExitCodes.OK;
    }
}
