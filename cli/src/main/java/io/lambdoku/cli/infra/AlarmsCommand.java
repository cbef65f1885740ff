package io.lambdoku.cli.infra;

import io.lambdoku.cli.BaseCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmTransition;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.local.infra.LocalInfra;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alarms", description = {"Show the alarms on the function's metrics (every function's without -a or .lambdoku):",
    "state (OK, ALARM, INSUFFICIENT_DATA), since when and why; on the local backend 'lambdoku local:serve' evaluates them."})
public final class AlarmsCommand extends BaseCommand {

    @Option(names = "--history", description = "Also list each alarm's state changes, newest first.")
    boolean history;

    public AlarmsCommand(Launch launch) {
        super(launch);
    }

    private record Row(String function, AlarmState alarm, List<AlarmTransition> history) {
    }

    @Override
    protected int run(Session session) {
        Infra infra = session.infra();
        List<Row> rows = new ArrayList<>();
        for (String function : InfraListing.functions(session)) {
            for (AlarmState a : infra.alarms(function)) {
                rows.add(new Row(function, a, history ? infra.alarmHistory(function, a.spec().name()) : List.of()));
            }
        }
        Optional<Boolean> served = infra instanceof LocalInfra ? Optional.of(InfraListing.served(session)) : Optional.empty();
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            served.ifPresent(s -> m.put("evaluatedByLocalServe", s));
            m.put("alarms", rows.stream().map(this::json).toList());
            session.output().json(m);
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            session.output().line("No alarms.");
            return ExitCodes.OK;
        }
        for (Row r : rows) {
            AlarmSpec s = r.alarm().spec();
            session.output().line(r.function() + "  " + s.name() + "  " + r.alarm().state() + "  " + s.metric() + " " + s.statistic()
                    + " " + operator(s.comparison()) + " " + s.threshold() + " over " + s.evaluationPeriods() + " × " + s.period()
                    + " s  since " + r.alarm().updated());
            session.output().line("  " + r.alarm().reason());
            r.history().forEach(t -> session.output().line("  " + t.at() + "  " + t.from() + " -> " + t.to() + "  " + t.reason()));
        }
        served.ifPresent(s -> session.output().note(s ? "'lambdoku local:serve' is running on this store and evaluates these;"
                + " alarm actions are not run locally (no SNS)." : "'lambdoku local:serve' is not running on this store: these are"
                + " not evaluated until it runs."));
        return ExitCodes.OK;
    }

    private static String operator(String comparison) {
        return switch (comparison) {
            case "GreaterThanOrEqualToThreshold" -> ">=";
            case "GreaterThanThreshold" -> ">";
            case "LessThanThreshold" -> "<";
            default -> "<=";
        };
    }

    private Map<String, Object> json(Row r) {
        AlarmSpec s = r.alarm().spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", r.function());
        m.put("name", s.name());
        m.put("metric", s.metric());
        m.put("statistic", s.statistic());
        m.put("comparison", s.comparison());
        m.put("threshold", s.threshold());
        m.put("period", s.period());
        m.put("evaluationPeriods", s.evaluationPeriods());
        m.put("actions", s.actions());
        m.put("state", r.alarm().state());
        m.put("reason", r.alarm().reason());
        m.put("updated", r.alarm().updated().toString());
        if (history) {
            m.put("history", r.history().stream().map(t -> Map.of("from", t.from(), "to", t.to(), "reason", t.reason(),
                    "at", t.at().toString())).toList());
        }
        return m;
    }
}
