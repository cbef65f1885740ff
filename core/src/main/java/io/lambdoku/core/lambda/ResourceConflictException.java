package io.lambdoku.core.lambda;

/** The resource exists already, or is in use (a version an alias points to). */
public class ResourceConflictException extends LambdaException {

    public ResourceConflictException(String message) {
        super(message);
    }

    public ResourceConflictException(String message, String awsMessage) {
        super(message, awsMessage);
    }
}
