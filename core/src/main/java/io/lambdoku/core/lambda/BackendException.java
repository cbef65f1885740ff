package io.lambdoku.core.lambda;

/** The backend could not be reached or refused us for a reason that is not the user's input (auth, throttling, outage). */
public class BackendException extends LambdaException {

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
