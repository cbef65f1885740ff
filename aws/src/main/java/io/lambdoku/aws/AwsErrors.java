package io.lambdoku.aws;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UpdateInProgressException;
import io.lambdoku.core.lambda.ValidationException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps what AWS (or moto, LocalStack, lambdoku's own server) answers to core's exceptions, worded as
 * the local backend words them, so a user reads the same sentence whichever backend they run.
 */
public final class AwsErrors {

    /** What a call was about, to name it in the sentence. */
    record Subject(String function, Optional<String> qualifier, Optional<String> alias, boolean writesLatest) {

        static Subject function(String name) {
            return new Subject(name, Optional.empty(), Optional.empty(), false);
        }

        /** An update or publish of $LATEST: there a 409 means an update is in progress, to be waited out. */
        static Subject update(String name) {
            return new Subject(name, Optional.empty(), Optional.empty(), true);
        }

        static Subject version(String name, String qualifier) {
            return new Subject(name, Optional.of(qualifier), Optional.empty(), false);
        }

        static Subject alias(String function, String alias) {
            return new Subject(function, Optional.empty(), Optional.of(alias), false);
        }
    }

    private final String endpoint;

    public AwsErrors(String endpoint) {
        this.endpoint = endpoint;
    }

    <T> T call(Subject subject, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw service(subject, e);
        } catch (SdkClientException e) {
            throw client(e);
        }
    }

    void run(Subject subject, Runnable call) {
        call(subject, () -> {
            call.run();
            return null;
        });
    }

    /** The error code AWS answered with (ResourceNotFoundException, NoSuchKey…), or "" when it gave none. */
    public static String code(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "" : code;
    }

    /**
     * The endpoint lacks the operation: an HTML 404 without an error code (moto's unrouted calls) or AWS's
     * UnknownOperationException (lambdoku's own local serve). AWS itself implements every call we make.
     */
    static boolean unimplemented(AwsServiceException e) {
        String code = code(e);
        return e.statusCode() == 404 && (code.isEmpty() || code.equals("UnknownOperationException"));
    }

    LambdaException service(Subject subject, AwsServiceException e) {
        String code = code(e);
        String message = message(e);
        switch (code) {
            case "ResourceNotFoundException":
                return notFound(subject, message);
            case "PreconditionFailedException":
                return new PreconditionFailedException(message);
            case "ResourceConflictException":
                // told apart by the operation, never by AWS's wording: on a write of $LATEST it is Pending/InProgress
                return subject.writesLatest() ? new UpdateInProgressException(message) : new ResourceConflictException(message);
            case "ResourceInUseException":
                return new ResourceConflictException(message);
            case "ValidationException":
                return new ValidationException(message, message);
            case "InvalidParameterValueException", "InvalidRequestContentException", "RequestTooLargeException",
                    "RequestEntityTooLargeException", "CodeStorageExceededException", "InvalidSecurityGroupIDException":
                return new InvalidParameterException(message);
            case "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
                    "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch":
                return new BackendException("AWS refused the credentials in use (" + code + "): " + message
                        + " Check AWS_PROFILE or your keys, and the IAM policy in the README.", e);
            case "NoSuchBucket":
                return new BackendException("The artifact bucket does not exist (" + message
                        + "); create it with 'lambdoku setup' or fix --artifact-bucket / LAMBDOKU_ARTIFACT_BUCKET.", e);
            case "TooManyRequestsException", "ThrottlingException":
                return new BackendException("AWS Lambda kept throttling us after several retries: " + message
                        + " Try again in a minute.", e);
            default:
                String service = e.awsErrorDetails() == null ? "AWS" : e.awsErrorDetails().serviceName();
                if (code.isEmpty()) {
                    return new BackendException(service + " at " + endpoint + " answered HTTP " + e.statusCode()
                            + " with no error code; does that endpoint implement " + service + "?", e);
                }
                return new BackendException(service + " answered HTTP " + e.statusCode() + " " + code + ": " + message, e);
        }
    }

    public LambdaException client(SdkClientException e) {
        Throwable root = rootCause(e);
        if (root instanceof ConnectException || root instanceof UnknownHostException) {
            String why = root instanceof UnknownHostException ? "unknown host " + root.getMessage() : root.getMessage();
            return new BackendException("Cannot reach " + endpoint + " (" + why
                    + "); check --endpoint-url, the region and your network.", e);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("Unable to load credentials")) {
            return new BackendException("No AWS credentials found; set AWS_PROFILE (or --profile), "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run 'aws configure'.", e);
        }
        if (text.contains("Unable to load region")) {
            return new BackendException("No AWS region is set; pass --region, set AWS_REGION, or set one in ~/.aws/config.", e);
        }
        return new BackendException("The AWS request failed before an answer came back: " + text, e);
    }

    /**
     * A 404 becomes the sentence the local backend uses for what the call was about, decided by the call,
     * never by AWS's wording (alias calls check whether the function itself is missing, see AwsLambda).
     */
    private static ResourceNotFoundException notFound(Subject subject, String message) {
        if (subject.alias().isPresent()) {
            return ResourceNotFoundException.alias(subject.function(), subject.alias().get());
        }
        if (subject.qualifier().filter(q -> !q.equals("$LATEST")).isPresent()) {
            return ResourceNotFoundException.version(subject.function(), subject.qualifier().get());
        }
        return ResourceNotFoundException.function(subject.function());
    }

    private static String message(AwsServiceException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (m == null || m.isBlank()) {
            m = e.getMessage();
        }
        return withoutConfigValues(m);
    }

    private static final Pattern MEASURED = Pattern.compile("(?s)String measured: .*");
    private static final Pattern ENVIRONMENT_VALUE = Pattern.compile("(?s)Value '.*' at '(environment[\\w.]*)'");

    /**
     * Lambda quotes the environment it refused: "... exceeded the 4KB limit. String measured: {"DB_URL":
     * "postgres://u:secret@..."}", or "Value '{K=secret}' at 'environment.variables' failed to satisfy
     * constraint". Core checks names and size before any call, but what AWS measures may differ, and
     * error messages end up in terminals and CI logs: the values are cut out.
     */
    static String withoutConfigValues(String message) {
        String m = MEASURED.matcher(message).replaceAll("String measured: (config values not shown)");
        return ENVIRONMENT_VALUE.matcher(m).replaceAll("Value (config values not shown) at '$1'");
    }

    private static Throwable rootCause(SdkException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
