package io.lambdoku.local.server;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;

/**
 * An error as AWS Lambda sends it: an HTTP status, the type in the X-Amzn-ErrorType header (which the
 * SDKs and the AWS CLI read the error code from) and a {"Type","message"} body.
 */
record WireError(int status, String type, String message) {

    static WireError of(RuntimeException e) {
        if (e instanceof WireError.Raised raised) {
            return raised.error();
        }
        String message = e.getMessage();
        if (e instanceof ResourceNotFoundException) {
            return new WireError(404, "ResourceNotFoundException", message);
        }
        if (e instanceof InvalidParameterException) {
            return new WireError(400, "InvalidParameterValueException", message);
        }
        if (e instanceof PreconditionFailedException) {
            return new WireError(412, "PreconditionFailedException", message);
        }
        if (e instanceof ResourceConflictException) {
            return new WireError(409, "ResourceConflictException", message);
        }
        if (e instanceof LambdaException) {
            return new WireError(500, "ServiceException", message);
        }
        return new WireError(500, "ServiceException", "lambdoku local serve failed: " + e);
    }

    static Raised badRequest(String message) {
        return new Raised(new WireError(400, "InvalidRequestContentException", message));
    }

    static Raised invalid(String message) {
        return new Raised(new WireError(400, "InvalidParameterValueException", message));
    }

    static Raised unknownOperation(String method, String path) {
        return new Raised(new WireError(404, "UnknownOperationException",
                "lambdoku local serve does not implement " + method + " " + path + "."));
    }

    /** Thrown by request parsing to answer with a given error. */
    static final class Raised extends RuntimeException {
        private final WireError error;

        Raised(WireError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        WireError error() {
            return error;
        }
    }
}
