package io.lambdoku.core.lambda;

import java.util.Optional;

/**
 * A failure the user can act on; its message is one sentence written for them. Where AWS words the
 * same failure differently (and clients may match on AWS's text), {@link #awsMessage()} holds AWS's
 * wording for lambdoku's AWS-wire server; the CLI always shows {@link #getMessage()}.
 */
public abstract class LambdaException extends RuntimeException {

    private final String awsMessage;

    protected LambdaException(String message) {
        this(message, (String) null);
    }

    protected LambdaException(String message, String awsMessage) {
        super(message);
        this.awsMessage = awsMessage;
    }

    protected LambdaException(String message, Throwable cause) {
        super(message, cause);
        this.awsMessage = null;
    }

    public Optional<String> awsMessage() {
        return Optional.ofNullable(awsMessage);
    }
}
