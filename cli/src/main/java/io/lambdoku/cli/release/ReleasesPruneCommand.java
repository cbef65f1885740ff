package io.lambdoku.cli.release;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.cli.local.StoreGcSummary;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import io.lambdoku.local.gc.StoreGc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "releases:prune", description = {
    "Delete old releases, keeping the newest N and every release an alias points at (primary or weighted)."})
public final class ReleasesPruneCommand extends AppCommand {

    @Option(names = "--keep", paramLabel = "N", required = true, description = "How many of the newest releases to keep (at least 1).")
    int keep;

    @Option(names = "--dry-run", description = "List what would be deleted and delete nothing.")
    boolean dryRun;

    public ReleasesPruneCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected Optional<String> writes() {
        return Optional.of("releases:prune");
    }

    @Override
    protected int runFor(Session session, String function) {
        if (keep < 1) {
            throw new UsageException("--keep must be at least 1; the newest release is what runs.");
        }
        List<Release> releases = new ReleaseLog(session.api()).list(function, 0);
        Set<String> aliased = new HashSet<>();
        for (Alias a : session.api().listAliases(function)) {
            aliased.add(a.functionVersion());
            a.additionalVersion().ifPresent(w -> aliased.add(w.version()));
        }
        List<Integer> deleted = new ArrayList<>();
        for (Release r : releases.subList(Math.min(keep, releases.size()), releases.size())) {
            if (aliased.contains(String.valueOf(r.version()))) {
                continue;
            }
            if (!dryRun) {
                session.api().deleteVersion(function, r.version());
            }
            deleted.add(r.version());
        }
        // the local store frees the deleted releases' code at once (issue 11: it only ever grew)
        Optional<StoreGc.Report> gc = dryRun || deleted.isEmpty() ? Optional.empty() : StoreGcSummary.afterDeleting(session);
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>(Map.of("function", function, "deleted", deleted, "dryRun", dryRun));
            gc.ifPresent(r -> m.put("gc", StoreGcSummary.json(r)));
            session.output().json(m);
        } else if (deleted.isEmpty()) {
            session.output().line("Nothing to prune: " + function + " has " + releases.size() + " releases.");
        } else {
            session.output().line((dryRun ? "Would delete " : "Deleted ") + deleted.size() + " releases of " + function
                    + ": " + String.join(", ", deleted.stream().map(v -> "v" + v).toList()) + ".");
            gc.ifPresent(r -> session.output().line(StoreGcSummary.line(r)));
        }
        return ExitCodes.OK;
    }
}
