package io.lambdoku.local.logs;

/**
 * An error as CloudWatch Logs answers it over its JSON 1.1 protocol: a {@code __type} the SDKs and
 * the AWS CLI read the error code from, a message, and HTTP 400 for anything the caller got wrong.
 */
public final class LogsError extends RuntimeException {

    private final String type;
    private final int status;

    private LogsError(String type, int status, String message) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    public static LogsError invalidParameter(String message) {
        return new LogsError("InvalidParameterException", 400, message);
    }

    /** CloudWatch's own wording, which scripts match on. */
    public static LogsError noSuchGroup() {
        return new LogsError("ResourceNotFoundException", 400, "The specified log group does not exist.");
    }

    public static LogsError noSuchStream() {
        return new LogsError("ResourceNotFoundException", 400, "The specified log stream does not exist.");
    }

    public static LogsError unknownOperation(String target) {
        return new LogsError("UnknownOperationException", 400,
                "lambdoku local serve does not implement the CloudWatch Logs operation " + target + ".");
    }

    public static LogsError serviceUnavailable(String message) {
        return new LogsError("ServiceUnavailableException", 500, message);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
