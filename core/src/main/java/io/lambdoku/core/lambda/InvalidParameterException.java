package io.lambdoku.core.lambda;

public class InvalidParameterException extends LambdaException {

    public InvalidParameterException(String message) {
        super(message);
    }

    /** {@code message} for the user, {@code awsMessage} as AWS words it on the wire. */
    public InvalidParameterException(String message, String awsMessage) {
        super(message, awsMessage);
    }
}
