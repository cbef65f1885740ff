package io.lambdoku.cli;

import io.lambdoku.core.lambda.LambdaException;

/** Turns a failure into one sentence on stderr and an exit code; a stack trace only with --debug. */
public final class Errors {

    private Errors() {
    }

    public static int report(Throwable failure, Output output, boolean debug) {
        if (debug) {
            failure.printStackTrace(output.err());
        }
        if (failure instanceof UsageException) {
            output.error(failure.getMessage());
            return ExitCodes.USAGE;
        }
        if (failure instanceof LambdaException) {
            output.error(failure.getMessage());
            return ExitCodes.FAILURE;
        }
        output.error("Unexpected failure: " + failure + (debug ? "" : ". Run again with --debug for details."));
        return ExitCodes.FAILURE;
    }
}
