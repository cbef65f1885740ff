package io.lambdoku.local.auth;

/** A request refused before it is served, with the HTTP status, AWS error code and words AWS uses. */
public final class AuthException extends RuntimeException {

    private final int status;
    private final String type;

    public AuthException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static AuthException missing() {
        return new AuthException(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    static AuthException incomplete(String message) {
        return new AuthException(403, "IncompleteSignatureException", message);
    }

    static AuthException invalid(String message) {
        return new AuthException(403, "InvalidSignatureException", message);
    }

    static AuthException unknownKey() {
        return new AuthException(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
