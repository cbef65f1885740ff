package io.lambdoku.cli.infra;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.infra.ScheduleExpression;
import io.lambdoku.local.infra.LocalInfra;
import io.lambdoku.local.infra.ScheduleRow;
import io.lambdoku.local.infra.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<ScheduleRow> rows = new ArrayList<>();
        for (String function : InfraListing.functions(session)) {
            rows.addAll(infra instanceof LocalInfra local ? local.scheduleRows(function) : infra.schedules(function).stream()
                    .map(s -> new ScheduleRow(function, s, Instant.now(), Optional.empty())).toList());
        }
        boolean local = infra instanceof LocalInfra;
        Optional<Boolean> served = local ? Optional.of(InfraListing.served(session)) : Optional.empty();
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            served.ifPresent(s -> m.put("firedByLocalServe", s));
            m.put("schedules", rows.stream().map(r -> json(r, local)).toList());
            session.output().json(m);
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            session.output().line("No schedules.");
            return ExitCodes.OK;
        }
        rows.forEach(r -> session.output().line(describe(r, local)));
        served.ifPresent(s -> session.output().note(s ? "'lambdoku local:serve' is running on this store and fires these."
                : "'lambdoku local:serve' is not running on this store: nothing fires these until it runs."));
        return ExitCodes.OK;
    }

    /**
     * Locally from what the store says the schedule last fired for; on AWS a cron's next matching time, while a
     * rate's depends on when EventBridge started it, which it does not tell.
     */
    private static Optional<Instant> nextRun(ScheduleRow r, boolean local) {
        if (local) {
            return Optional.of(Scheduler.nextRun(r));
        }
        return r.spec().expression().startsWith("cron(")
                ? Optional.of(ScheduleExpression.parse(r.spec().expression(), r.spec().timezone()).next(Instant.now()))
                : Optional.empty();
    }

    private static String describe(ScheduleRow r, boolean local) {
        String when = !r.spec().enabled() ? "disabled"
                : nextRun(r, local).map(t -> "next " + t).orElse("next run set by EventBridge");
        return r.function() + "  " + r.spec().name() + "  " + r.spec().expression()
                + (r.spec().timezone().equals("UTC") ? "" : " " + r.spec().timezone()) + "  " + when
                + r.lastFired().map(t -> "  (last " + t + ")").orElse("");
    }

    private static Map<String, Object> json(ScheduleRow r, boolean local) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", r.function());
        m.put("name", r.spec().name());
        m.put("expression", r.spec().expression());
        m.put("timezone", r.spec().timezone());
        m.put("enabled", r.spec().enabled());
        r.spec().payload().ifPresent(p -> m.put("payload", p));
        r.lastFired().ifPresent(t -> m.put("lastRun", t.toString()));
        nextRun(r, local).ifPresent(t -> m.put("nextRun", t.toString()));
        return m;
    }
}
