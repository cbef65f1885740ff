package io.lambdoku.cli.invoke;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.invoke.MinuteMetrics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "metrics", description = "Invocations, errors, throttles and duration (avg, p50, p99) per minute and version.")
public final class MetricsCommand extends AppCommand {

    @Option(names = "--since", paramLabel = "DURATION", description = "How far back (default: ${DEFAULT-VALUE}).", defaultValue = "1h")
    String since;

    @Option(names = {"-q", "--qualifier"}, paramLabel = "VERSION|ALIAS", description = "Only this version or alias.")
    String qualifier;

    public MetricsCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected boolean readsQualified() {
        return true;
    }

    @Override
    protected int runFor(Session session, String function) {
        session.api().getFunction(function, "$LATEST");
        List<MinuteMetrics> rows = session.telemetry().metrics(function, Since.millisAgo(since), FunctionRef.parse(function).withQualifier(Optional.ofNullable(qualifier))
                .withQualifier(appQualifier()).qualifier());
        if (session.output().json()) {
            session.output().json(rows.stream().map(MetricsCommand::json).toList());
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            session.output().line("No invocations of " + function + " since " + since + " ago.");
            return ExitCodes.OK;
        }
        session.output().line(String.format(Locale.ROOT, "%-17s %-8s %11s %6s %9s %9s %9s %9s", "minute (UTC)", "version",
                "invocations", "errors", "throttles", "avg ms", "p50 ms", "p99 ms"));
        for (MinuteMetrics m : rows) {
            session.output().line(String.format(Locale.ROOT, "%-17s %-8s %11d %6d %9d %9.1f %9.1f %9.1f",
                    Instant.ofEpochMilli(m.minute()).toString().substring(0, 16), m.version(), m.invocations(), m.errors(),
                    m.throttles(), m.avgMs(), m.p50Ms(), m.p99Ms()));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(MinuteMetrics m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("minute", Instant.ofEpochMilli(m.minute()).toString());
        j.put("version", m.version());
        j.put("invocations", m.invocations());
        j.put("errors", m.errors());
        j.put("throttles", m.throttles());
        j.put("durationAvgMs", m.avgMs());
        j.put("durationP50Ms", m.p50Ms());
        j.put("durationP99Ms", m.p99Ms());
        return j;
    }
}
