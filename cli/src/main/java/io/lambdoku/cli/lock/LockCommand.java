package io.lambdoku.cli.lock;

import io.lambdoku.cli.AppCommand;
import io.lambdoku.cli.ExitCodes;
import io.lambdoku.cli.Launch;
import io.lambdoku.cli.Session;
import io.lambdoku.core.lock.Ages;
import io.lambdoku.core.lock.Lease;
import io.lambdoku.core.lock.Locks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

@Command(name = "lock", description = "Who holds the function's lock, for what, since when, and their last heartbeat.")
public final class LockCommand extends AppCommand {

    public LockCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected int runFor(Session session, String function) {
        Optional<Locks.Status> status = new Locks(session.lockStore(), session.activity(), Clock.systemUTC()).show(function);
        Instant now = Instant.now();
        if (session.output().json()) {
            session.output().json(status.map(s -> json(s, now)).orElseGet(() -> Map.of("function", function, "locked", false)));
        } else if (status.isEmpty()) {
            session.output().line(function + " is not locked.");
        } else {
            Lease l = status.get().lease();
            session.output().line(function + " is locked by " + l.holder() + " (pid " + l.pid() + ") for " + l.operation()
                    + " since " + l.created() + " (" + Ages.ago(l.created(), now) + "); heartbeat " + Ages.ago(l.heartbeat(), now)
                    + ", TTL " + Ages.of(l.ttl()) + "." + (status.get().stale()
                    ? " Stale: that run stopped heartbeating, and the next command takes the lock over." : ""));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(Locks.Status s, Instant now) {
        Lease l = s.lease();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("function", l.function());
        m.put("locked", true);
        m.put("holder", l.holder());
        m.put("pid", l.pid());
        m.put("operation", l.operation());
        m.put("id", l.id());
        m.put("created", l.created().toString());
        m.put("heartbeat", l.heartbeat().toString());
        m.put("ageSeconds", Duration.between(l.created(), now).toSeconds());
        m.put("heartbeatAgeSeconds", Duration.between(l.heartbeat(), now).toSeconds());
        m.put("ttlSeconds", l.ttl().toSeconds());
        m.put("stale", s.stale());
        return m;
    }
}
