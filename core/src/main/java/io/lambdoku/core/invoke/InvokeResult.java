package io.lambdoku.core.invoke;

import java.util.Optional;

/**
 * What Lambda answers: the HTTP status (200, 202, 204), the version that ran, "Unhandled" or
 * "Handled" when the function failed, the response payload, and the last 4 KB of its log if asked.
 */
public record InvokeResult(int statusCode, String executedVersion, Optional<String> functionError, byte[] payload,
                           Optional<String> logTail) {

    public boolean failed() {
        return functionError.isPresent();
    }
}
