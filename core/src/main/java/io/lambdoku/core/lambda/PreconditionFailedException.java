package io.lambdoku.core.lambda;

/** A write carried a stale RevisionId: someone else changed the resource since it was read. */
public class PreconditionFailedException extends LambdaException {

    public PreconditionFailedException(String message) {
        super(message);
    }

    public PreconditionFailedException(String message, String awsMessage) {
        super(message, awsMessage);
    }
}
