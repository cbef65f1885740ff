package io.lambdoku.local;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.local.runtime.LocalInvoker;
import io.lambdoku.local.server.FunctionKmsServer;
import io.lambdoku.local.server.ServedInvoker;
import java.util.Optional;

/**
 * Decides where an invocation on the local backend runs: in the warm environments of a 'local serve'
 * running on the same store when there is one, else in execution environments of this process, made
 * once and closed with it, whose functions reach KMS on a loopback port of this process for as long as it runs
 * them. A front end asks this instead of choosing itself.
 */
public final class LocalInvokers implements AutoCloseable {

    private final LocalLambda lambda;
    private final Events events;
    private LocalInvoker inProcess;

    public LocalInvokers(LocalLambda lambda, Events events) {
        this.lambda = lambda;
        this.events = events;
    }

    public synchronized FunctionInvoker invoker() {
        Optional<ServedInvoker> served = ServedInvoker.find(lambda.options().storeDir());
        if (served.isPresent()) {
            return served.get();
        }
        return inProcess();
    }

    private LocalInvoker inProcess() {
        if (inProcess == null) {
            inProcess = new LocalInvoker(lambda, events, new FunctionKmsServer(lambda));
        }
        return inProcess;
    }

    /** Stops this process's environments (waiting for Event invocations still running). */
    @Override
    public synchronized void close() {
        if (inProcess != null) {
            inProcess.close();
        }
    }

    /** Why invocations run here could not be recorded (a full disk), asked after {@link #close}. */
    public synchronized Optional<RuntimeException> recordingFailure() {
        return inProcess == null ? Optional.empty() : inProcess.recordingFailure();
    }
}
