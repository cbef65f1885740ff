package io.lambdoku.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A command: global options, a session opened for the run, errors reported as one sentence. */
public abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    public GlobalOptions global = new GlobalOptions();

    protected final Launch launch;

    protected BaseCommand(Launch launch) {
        this.launch = launch;
    }

    /**
     * True for commands whose arguments may hold secrets (config:set): an unknown "-x" there is handed to
     * the command as an argument, whose errors name positions, instead of to picocli, which quotes it.
     */
    public boolean takesSecrets() {
        return false;
    }

    /**
     * Closing the session can fail too (records still being written when the disk fills up): that is
     * reported like any failure, unless the command already reported one.
     */
    @Override
    public final Integer call() {
        Session session = new Session(launch, global);
        int code;
        boolean reported = false;
        try {
            code = run(session);
        } catch (RuntimeException e) {
            code = Errors.report(e, session.output(), global.debug);
            reported = true;
        } catch (NoClassDefFoundError e) {
            if (!SdkClassPath.isSdk(e)) {
                throw e;
            }
            code = ExitCodes.NEEDS_SDK;
            reported = true;
        }
        try {
            session.close();
        } catch (RuntimeException e) {
            if (!reported) {
                code = Math.max(code, Errors.report(e, session.output(), global.debug));
            }
        }
        return code;
    }

    protected abstract int run(Session session);
}
