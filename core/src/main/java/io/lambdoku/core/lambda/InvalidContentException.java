package io.lambdoku.core.lambda;

/**
 * A request body Lambda cannot read: not JSON where JSON is required (AWS: 400
 * InvalidRequestContentException), or larger than the operation takes (AWS: 413
 * RequestEntityTooLargeException, when {@link #tooLarge()}).
 */
public class InvalidContentException extends InvalidParameterException {

    private final boolean tooLarge;

    public InvalidContentException(String message, String awsMessage, boolean tooLarge) {
        super(message, awsMessage);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
