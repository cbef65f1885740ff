package io.lambdoku.cli.release;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.VersionSummary;
import io.lambdoku.core.release.ReleaseLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "releases", description = "List releases, newest first.")
public final class ReleasesCommand extends AppCommand {

    @Option(names = {"-n", "--num"}, paramLabel = "N", description = "Show only the newest N (default: all).")
    int limit;

    public ReleasesCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        List<VersionSummary> releases = new ReleaseLog(session.api()).summaries(function, limit);
        Map<String, List<String>> aliases = aliasesByVersion(session.api().listAliases(function));
        if (session.output().json()) {
            session.output().json(releases.stream().map(r -> {
                Map<String, Object> m = toJson(r);
                m.put("aliases", aliases.getOrDefault(String.valueOf(r.version()), List.of()));
                return m;
            }).toList());
        } else {
            releases.forEach(r -> {
                List<String> at = aliases.getOrDefault(String.valueOf(r.version()), List.of());
                session.output().line(r.label() + " | " + r.description() + " | " + r.created()
                        + (at.isEmpty() ? "" : " | " + String.join(", ", at)));
            });
        }
        return ExitCodes.OK;
    }

    /** Alias names by the version they route to; a weighted one shows its share, e.g. "live (10%)". */
    private static Map<String, List<String>> aliasesByVersion(List<Alias> aliases) {
        Map<String, List<String>> by = new java.util.TreeMap<>();
        for (Alias a : aliases) {
            by.computeIfAbsent(a.functionVersion(), v -> new java.util.ArrayList<>()).add(a.name());
            a.additionalVersion().ifPresent(w -> by.computeIfAbsent(w.version(), v -> new java.util.ArrayList<>())
                    .add(a.name() + " (" + Math.round(w.weight() * 1000) / 10.0 + "%)"));
        }
        return by;
    }

    static Map<String, Object> toJson(VersionSummary r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Integer.toString(r.version()));
        m.put("description", r.description());
        m.put("created", r.created());
        m.put("codeSha256", r.codeSha256());
        m.put("codeSize", r.codeSize());
        return m;
    }
}
