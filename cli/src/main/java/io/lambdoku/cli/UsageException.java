package io.lambdoku.cli;

/** The command line itself is wrong; exits 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
