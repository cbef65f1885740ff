package io.lambdoku.core.lambda;

/** A resource of another account: AWS refuses it with AccessDeniedException (HTTP 403). */
public class AccessDeniedException extends LambdaException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
