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

    @Override
    public final Integer call() {
        try (Session session = new Session(launch, global)) {
            try {
                return run(session);
            } catch (RuntimeException e) {
                return Errors.report(e, session.output(), global.debug);
            }
        }
    }

    protected abstract int run(Session session);
}
