package io.lambdoku.core.secret;

/** A KMS call that failed, in one sentence for the user (never with a plaintext in it). */
public class KmsException extends RuntimeException {

    public KmsException(String message) {
        super(message);
    }

    public KmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
