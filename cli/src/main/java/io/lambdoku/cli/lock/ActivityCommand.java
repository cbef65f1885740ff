package io.lambdoku.cli.lock;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.activity.ActivityEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "activity", description = "What happened to the function beyond its releases (lock takeovers, breaks), newest first.")
public final class ActivityCommand extends AppCommand {

    @Option(names = {"-n", "--num"}, paramLabel = "N", description = "Show the newest N events (default 50).")
    int limit = 50;

    public ActivityCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        if (limit < 1 || limit > 1000) {
            throw new UsageException("-n must be between 1 and 1000, not " + limit + ".");
        }
        List<ActivityEvent> events = session.activity().list(function, limit);
        if (session.output().json()) {
            session.output().json(events.stream().map(ActivityCommand::json).toList());
        } else if (events.isEmpty()) {
            session.output().line("No activity recorded for " + function + ".");
        } else {
            events.forEach(e -> session.output().line(e.at() + "  " + e.who() + "  " + e.what()
                    + (e.detail().isEmpty() ? "" : ": " + e.detail())));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(ActivityEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("who", e.who());
        m.put("what", e.what());
        m.put("detail", e.detail());
        return m;
    }
}
