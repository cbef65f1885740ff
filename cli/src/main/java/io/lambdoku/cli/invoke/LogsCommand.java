package io.lambdoku.cli.invoke;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.invoke.LogEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logs", description = {"Show the function's log: what it printed, with Lambda's START, END and REPORT lines",
    "(local store; on AWS, CloudWatch Logs group /aws/lambda/NAME)."})
public final class LogsCommand extends AppCommand {

    @Option(names = {"-n", "--num"}, paramLabel = "N", description = "The newest N lines (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int lines;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only lines newer than this, e.g. 10m (default: ${DEFAULT-VALUE}).",
            defaultValue = "1d")
    String since;

    @Option(names = "--filter", paramLabel = "TEXT", description = "Only lines containing TEXT.")
    String filter;

    @Option(names = {"-t", "--tail"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    public LogsCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        if (lines < 1) {
            throw new UsageException("-n must be at least 1.");
        }
        session.api().getFunction(function, "$LATEST"); // "does not exist" rather than an empty log
        FunctionTelemetry telemetry = session.telemetry();
        List<LogEvent> events = telemetry.logs(function, Since.millisAgo(since), Optional.ofNullable(filter), lines);
        print(session, events);
        long from = events.isEmpty() ? System.currentTimeMillis() - 1000 : events.get(events.size() - 1).at() + 1;
        while (follow) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            events = telemetry.logs(function, from, Optional.ofNullable(filter), 10_000);
            print(session, events);
            if (!events.isEmpty()) {
                from = events.get(events.size() - 1).at() + 1;
            }
        }
        return ExitCodes.OK;
    }

    private static void print(Session session, List<LogEvent> events) {
        for (LogEvent e : events) {
            if (session.output().json()) {
                session.output().json(java.util.Map.of("timestamp", Instant.ofEpochMilli(e.at()).toString(),
                        "logStream", e.stream(), "message", e.message()));
            } else {
                session.output().line(Instant.ofEpochMilli(e.at()) + " " + e.message());
            }
        }
    }
}
