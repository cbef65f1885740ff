package io.lambdoku.cli.invoke;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.runtime.InvocationQueries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logs", description = "Show the function's log: what it printed, with Lambda's START, END and REPORT lines.")
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
        if (!(session.api() instanceof LocalLambda local)) {
            throw new UsageException("logs reads the local backend's log store; on AWS, read CloudWatch Logs group /aws/lambda/"
                    + function + " (the aws backend does not read it yet).");
        }
        if (lines < 1) {
            throw new UsageException("-n must be at least 1.");
        }
        InvocationQueries queries = new InvocationQueries(local);
        long[] last = {0};
        long from = Since.millisAgo(since);
        print(session, queries.logs(function, from, 0, Optional.ofNullable(filter), lines, last));
        while (follow) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            print(session, queries.logs(function, from, last[0], Optional.ofNullable(filter), 10_000, last));
        }
        return ExitCodes.OK;
    }

    private static void print(Session session, List<InvocationQueries.LogEvent> events) {
        for (InvocationQueries.LogEvent e : events) {
            if (session.output().json()) {
                session.output().json(java.util.Map.of("timestamp", Instant.ofEpochMilli(e.at()).toString(),
                        "logStream", e.stream(), "message", e.message()));
            } else {
                session.output().line(Instant.ofEpochMilli(e.at()) + " " + e.message());
            }
        }
    }
}
