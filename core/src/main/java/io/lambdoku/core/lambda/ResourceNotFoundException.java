package io.lambdoku.core.lambda;

public class ResourceNotFoundException extends LambdaException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
