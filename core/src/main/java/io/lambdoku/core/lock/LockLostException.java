package io.lambdoku.core.lock;

import io.lambdoku.core.lambda.LambdaException;

/**
 * This run's lock was taken over or broken while it worked (its heartbeats did not land in time, or
 * someone ran lock:break): it stops at the next step rather than write beside the new holder.
 */
public final class LockLostException extends LambdaException {

    public LockLostException(String message) {
        super(message);
    }
}
