package io.lambdoku.core.lock;

import io.lambdoku.core.lambda.LambdaException;

/** Another live run holds the function's lock (and --lock-timeout, if any, ran out). Nothing was changed. */
public final class LockedException extends LambdaException {

    public LockedException(String message) {
        super(message);
    }
}
