package io.lambdoku.cli.infra;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.local.infra.ScheduleRow;
import io.lambdoku.local.infra.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "schedules", description = {"List the schedules that invoke the function (every function's without -a or .lambdoku),",
    "with their next run times; on the local backend 'lambdoku local:serve' fires them."})
public final class SchedulesCommand extends BaseCommand {

    public SchedulesCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int run(Session session) {
        Infra infra = session.infra();
        if (!(infra instanceof LocalInfra local)) {
            throw new BackendException("Listing schedules is not yet supported on the aws backend.");
        }
        List<ScheduleRow> rows = new ArrayList<>();
        for (String function : InfraListing.functions(session)) {
            rows.addAll(local.scheduleRows(function));
        }
        boolean served = InfraListing.served(session);
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("firedByLocalServe", served);
            m.put("schedules", rows.stream().map(SchedulesCommand::json).toList());
            session.output().json(m);
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            session.output().line("No schedules.");
            return ExitCodes.OK;
        }
        rows.forEach(r -> session.output().line(describe(r)));
        session.output().note(served ? "'lambdoku local:serve' is running on this store and fires these."
                : "'lambdoku local:serve' is not running on this store: nothing fires these until it runs.");
        return ExitCodes.OK;
    }

    private static String describe(ScheduleRow r) {
        String when = r.spec().enabled() ? "next " + Scheduler.nextRun(r) : "disabled";
        return r.function() + "  " + r.spec().name() + "  " + r.spec().expression()
                + (r.spec().timezone().equals("UTC") ? "" : " " + r.spec().timezone()) + "  " + when
                + r.lastFired().map(t -> "  (last " + t + ")").orElse("");
    }

    private static Map<String, Object> json(ScheduleRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", r.function());
        m.put("name", r.spec().name());
        m.put("expression", r.spec().expression());
        m.put("timezone", r.spec().timezone());
        m.put("enabled", r.spec().enabled());
        r.spec().payload().ifPresent(p -> m.put("payload", p));
        r.lastFired().ifPresent(t -> m.put("lastRun", t.toString()));
        m.put("nextRun", Scheduler.nextRun(r).toString());
        return m;
    }
}
