package io.lambdoku.cli.invoke;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.logs.LogRetention;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs:retention", description = {"Show or set how long the local store keeps a function's log lines and",
    "invocation records, per function as CloudWatch keeps one retention per log group. Default: 30 days and",
    "at most 100 MB per function. DAYS is one of CloudWatch's periods (1, 3, 5, 7, 14, 30, 60, 90, 120, 150,",
    "180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653) or 'never'."})
public final class LogsRetentionCommand extends AppCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DAYS|never", description = "Keep log lines this many days.")
    String days;

    @Option(names = "--max-size", paramLabel = "MB", description = "Keep at most this many MB of log lines; the oldest go first.")
    Long maxMb;

    public LogsRetentionCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        if (!(session.api() instanceof LocalLambda local)) {
            throw new UsageException("logs:retention sets the local store's retention; on AWS, set the log group's with"
                    + " 'aws logs put-retention-policy --log-group-name /aws/lambda/" + function + " --retention-in-days N'.");
        }
        session.api().getFunction(function, "$LATEST"); // "does not exist" rather than a policy for nothing
        LogRetention retention = new LogRetention(local.database());
        Optional<Integer> newDays = Optional.ofNullable(days).map(LogsRetentionCommand::parseDays);
        LogRetention.Trimmed trimmed = LogRetention.Trimmed.NONE;
        if (newDays.isPresent() || maxMb != null) {
            trimmed = retention.set(function, newDays, Optional.ofNullable(maxMb), System.currentTimeMillis());
        }
        LogRetention.Policy p = retention.policy(function);
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", function);
            m.put("retentionInDays", p.days().orElse(null));
            m.put("maxBytes", p.maxBytes());
            m.put("storedBytes", p.storedBytes());
            m.put("deletedLogEvents", trimmed.logEvents());
            m.put("deletedInvocations", trimmed.invocations());
            session.output().json(m);
        } else {
            session.output().line(String.format(Locale.ROOT, "%s: log lines kept %s, at most %d MB (holds %.1f MB)%s.", function,
                    p.days().map(d -> d + (d == 1 ? " day" : " days")).orElse("forever"), p.maxBytes() / (1024 * 1024),
                    p.storedBytes() / (1024.0 * 1024), trimmed.logEvents() + trimmed.invocations() == 0 ? ""
                            : String.format(Locale.ROOT, "; deleted %,d log lines and %,d invocation records past it",
                            trimmed.logEvents(), trimmed.invocations())));
        }
        return ExitCodes.OK;
    }

    private static int parseDays(String text) {
        if (text.equals("never")) {
            return 0;
        }
        if (!text.matches("[0-9]{1,5}")) {
            throw new UsageException("DAYS is a number of days or 'never', not '" + text + "'.");
        }
        return Integer.parseInt(text);
    }
}
