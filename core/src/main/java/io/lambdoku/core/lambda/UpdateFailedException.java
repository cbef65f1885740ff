package io.lambdoku.core.lambda;

/** LastUpdateStatus ended Failed; the message carries LastUpdateStatusReason. */
public class UpdateFailedException extends LambdaException {

    public UpdateFailedException(String message) {
        super(message);
    }
}
