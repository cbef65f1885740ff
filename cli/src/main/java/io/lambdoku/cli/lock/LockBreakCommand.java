package io.lambdoku.cli.lock;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.lock.Lease;
import io.lambdoku.core.lock.Locks;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lock:break", description = {
    "Remove the function's lock whoever holds it, e.g. after cancelling a CI job; recorded with --reason in",
    "'lambdoku activity'. A stale lock needs no breaking: the next command takes it over."})
public final class LockBreakCommand extends AppCommand {

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required; kept in the app's activity).")
    String reason;

    public LockBreakCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        if (reason == null || reason.isBlank()) {
            throw new UsageException("lock:break needs --reason TEXT saying why; it is recorded in the app's activity.");
        }
        Optional<Lease> broken = new Locks(session.lockStore(), session.activity(), Clock.systemUTC())
                .breakLock(function, reason, session.holder());
        if (session.output().json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("function", function);
            m.put("broken", broken.isPresent());
            broken.ifPresent(l -> {
                m.put("holder", l.holder());
                m.put("operation", l.operation());
                m.put("created", l.created().toString());
            });
            session.output().json(m);
        } else if (broken.isEmpty()) {
            session.output().line(function + " is not locked; nothing to break.");
        } else {
            session.output().line("Broke the lock on " + function + " held by " + broken.get().describe(Instant.now())
                    + "; recorded in 'lambdoku activity -a " + function + "'.");
        }
        return ExitCodes.OK;
    }
}
