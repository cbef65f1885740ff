package io.lambdoku.local.server;

import io.lambdoku.core.lambda.AccessDeniedException;
import io.lambdoku.core.lambda.CodeChangedException;
import io.lambdoku.core.lambda.InvalidContentException;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.ValidationException;
import io.lambdoku.local.LocalOptions;

/**
 * An error as AWS Lambda sends it: an HTTP status, the type in the X-Amzn-ErrorType header (which the
 * SDKs and the AWS CLI read the error code from) and a {"Type","message"} body, worded as AWS words it
 * where clients may match on the text.
 */
record WireError(int status, String type, String message) {

    static WireError of(RuntimeException e, String region) {
        if (e instanceof WireError.Raised raised) {
            return raised.error();
        }
        String message = e instanceof LambdaException l ? l.awsMessage().orElse(e.getMessage()) : e.getMessage();
        if (e instanceof ResourceNotFoundException missing) {
            return new WireError(404, "ResourceNotFoundException", missing.missing()
                    .map(m -> notFound(m, region)).orElse(message));
        }
        if (e instanceof InvalidContentException content) {
            return content.tooLarge() ? new WireError(413, "RequestEntityTooLargeException", message)
                    : new WireError(400, "InvalidRequestContentException", message);
        }
        if (e instanceof ValidationException) {
            return new WireError(400, "ValidationException", message);
        }
        if (e instanceof InvalidParameterException || e instanceof CodeChangedException) {
            // a stale CodeSha256 is a lost race to lambdoku, but AWS answers it as a bad parameter
            return new WireError(400, "InvalidParameterValueException", message);
        }
        if (e instanceof PreconditionFailedException) {
            return new WireError(412, "PreconditionFailedException", message);
        }
        if (e instanceof ResourceConflictException) {
            return new WireError(409, "ResourceConflictException", message);
        }
        if (e instanceof AccessDeniedException) {
            return new WireError(403, "AccessDeniedException", message);
        }
        if (e instanceof LambdaException) {
            return new WireError(500, "ServiceException", message);
        }
        return new WireError(500, "ServiceException", "lambdoku local serve failed: " + e);
    }

    /** Lambda's own sentences, which name the ARN that was looked for. */
    private static String notFound(ResourceNotFoundException.Missing m, String region) {
        String arn = "arn:aws:lambda:" + region + ":" + LocalOptions.ACCOUNT + ":function:" + m.function();
        if (m.alias()) {
            return "Cannot find alias arn: " + arn + ":" + m.qualifier().orElse("");
        }
        return "Function not found: " + arn + m.qualifier().map(q -> ":" + q).orElse("");
    }

    static Raised badRequest(String message) {
        return new Raised(new WireError(400, "InvalidRequestContentException", message));
    }

    static Raised invalid(String message) {
        return new Raised(new WireError(400, "InvalidParameterValueException", message));
    }

    static Raised validation(String message) {
        return new Raised(new WireError(400, "ValidationException", message));
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
