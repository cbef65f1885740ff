package io.lambdoku.cli.alias;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.Alias;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "aliases", description = "List the function's aliases and the releases they point at.")
public final class AliasesCommand extends AppCommand {

    public AliasesCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        List<Alias> aliases = session.api().listAliases(function);
        if (session.output().json()) {
            session.output().json(aliases.stream().map(AliasesCommand::json).toList());
        } else if (aliases.isEmpty()) {
            session.output().line(function + " has no aliases; add one with 'lambdoku alias:set NAME VERSION'.");
        } else {
            aliases.forEach(a -> session.output().line(describe(a)));
        }
        return ExitCodes.OK;
    }

    static String describe(Alias a) {
        String weighted = a.additionalVersion().map(w -> "  + v" + w.version() + " at "
                + Math.round(w.weight() * 1000) / 10.0 + "%").orElse("");
        return a.name() + " -> v" + a.functionVersion() + weighted + (a.description().isEmpty() ? "" : "  (" + a.description() + ")");
    }

    static Map<String, Object> json(Alias a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("version", a.functionVersion());
        a.additionalVersion().ifPresent(w -> m.put("additionalVersionWeights", Map.of(w.version(), w.weight())));
        m.put("description", a.description());
        return m;
    }
}
