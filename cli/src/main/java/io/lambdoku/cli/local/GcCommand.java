package io.lambdoku.cli.local;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.local.gc.StoreGc;
import picocli.CommandLine.Command;

@Command(name = "gc", description = {"Free the local store's space that nothing needs: code no release, alias or $LATEST uses,",
    "its unpacked folders, logs of destroyed functions and logs past their retention (see logs:retention).",
    "Runs by itself after releases:prune and apps:destroy."})
public final class GcCommand extends BaseCommand {

    public GcCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        StoreGc.Report report = StoreGcSummary.collect(session);
        if (session.output().json()) {
            session.output().json(StoreGcSummary.json(report));
        } else {
            session.output().line(StoreGcSummary.line(report));
        }
        return ExitCodes.OK;
    }
}
