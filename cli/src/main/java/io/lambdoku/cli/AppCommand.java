package io.lambdoku.cli;

import java.util.List;

/**
 * A command that acts on functions named by -a (repeatable) or .lambdoku. It runs for each in turn;
 * one failing does not stop the rest, and the exit code is the worst of them.
 */
public abstract class AppCommand extends BaseCommand {

    protected AppCommand(Launch launch) {
        super(launch);
    }

    @Override
    protected final int run(Session session) {
        List<String> apps = session.apps();
        int worst = ExitCodes.OK;
        for (String app : apps) {
            if (apps.size() > 1 && !session.output().json()) {
                session.output().line("=== " + app);
            }
            try {
                worst = Math.max(worst, runFor(session, Session.functionName(app)));
            } catch (RuntimeException e) {
                worst = Math.max(worst, Errors.report(e, session.output(), global.debug));
            }
        }
        return worst;
    }

    protected abstract int runFor(Session session, String function);
}
