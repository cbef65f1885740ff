package io.lambdoku.core.lambda;

/** A failure the user can act on; its message is one sentence written for them. */
public abstract class LambdaException extends RuntimeException {

    protected LambdaException(String message) {
        super(message);
    }

    protected LambdaException(String message, Throwable cause) {
        super(message, cause);
    }
}
