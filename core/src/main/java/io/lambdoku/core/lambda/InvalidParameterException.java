package io.lambdoku.core.lambda;

public class InvalidParameterException extends LambdaException {

    public InvalidParameterException(String message) {
        super(message);
    }
}
