package io.lambdoku.cli;

import io.lambdoku.cli.release.OutcomeView;
import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.release.ReleaseOutcome;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * A command that acts on functions named by -a (repeatable) or .lambdoku. It runs for each in turn;
 * one failing does not stop the rest, and the exit code is the worst of them.
 */
public abstract class AppCommand extends BaseCommand {

    private Optional<String> appQualifier = Optional.empty();

    protected AppCommand(Launch launch) {
        super(launch);
    }

    /**
     * Commands that read one version or alias ({@code -a NAME:7}, {@code -a NAME:live}, a qualified ARN)
     * say so; every other command changes or lists the function itself, where releases are made on
     * $LATEST, so a qualifier there would silently mean something else and is refused.
     */
    protected boolean readsQualified() {
        return false;
    }

    /**
     * The operation's name when the command changes the function: it then runs holding the function's lock
     * (held by {@code user@host}, heartbeated, released at the end), so two writers never interleave; unless
     * {@link #unchangedByReading} shows there is nothing to write and no run holds the lock. Empty
     * for commands that only read, or that take locks themselves (on other functions, or inside core).
     */
    protected Optional<String> writes() {
        return Optional.empty();
    }

    /**
     * For a command that {@link #writes()}: its outcome when a read alone shows there is nothing to write (the function
     * is already as asked, nothing unreleased on it); empty to run under the lock. Shown without taking the lock when
     * no run holds one (a lease costs two writes, on AWS two S3 calls); else the command runs under the lock as ever.
     */
    protected Optional<ReleaseOutcome> unchangedByReading(Session session, String function) {
        return Optional.empty();
    }

    /**
     * Work done once, before any lock is taken: reading arguments and standard input, so a bad argument
     * fails without touching a lock and a prompt never holds one.
     */
    protected void beforeRuns(Session session) {
    }

    /** The version or alias the current app names, for commands that {@link #readsQualified()}. */
    protected Optional<String> appQualifier() {
        return appQualifier;
    }

    @Override
    protected final int run(Session session) {
        List<String> apps = session.apps();
        beforeRuns(session);
        int worst = ExitCodes.OK;
        for (String app : apps) {
            if (apps.size() > 1 && !session.output().json()) {
                session.output().line("=== " + app);
            }
            try {
                FunctionRef ref = FunctionRef.parse(app);
                if (ref.qualifier().isPresent() && !readsQualified()) {
                    String command = getClass().getAnnotation(Command.class).name();
                    throw new UsageException("'" + app + "' names " + ref.qualifier().get() + " of " + ref.name() + ", but '"
                            + command + "' acts on the function itself (releases are made on $LATEST); use -a " + ref.name()
                            + " without ':" + ref.qualifier().get() + "'.");
                }
                appQualifier = ref.qualifier();
                worst = Math.max(worst, runApp(session, ref.name()));
            } catch (RuntimeException e) {
                worst = Math.max(worst, Errors.report(e, session.output(), global.debug));
            }
        }
        return worst;
    }

    protected abstract int runFor(Session session, String function);

    /** One app: under its lock when the command writes, unless a read shows there is nothing to write. */
    private int runApp(Session session, String function) {
        Optional<String> operation = writes();
        if (operation.isEmpty()) {
            return runFor(session, function);
        }
        Optional<ReleaseOutcome> unchanged = unchangedByReading(session, function);
        if (unchanged.isPresent() && !session.guard().leased(function)) {
            return OutcomeView.print(session.output(), unchanged.get());
        }
        return session.guard().holding(function, operation.get(), () -> runFor(session, function));
    }
}
