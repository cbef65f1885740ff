package io.lambdoku.aws;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UpdateInProgressException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps what AWS (or moto, LocalStack, lambdoku's own server) answers to core's exceptions, worded as
 * the local backend words them, so a user reads the same sentence whichever backend they run.
 */
final class AwsErrors {

    /** What a call was about, to name it in the sentence. */
    record Subject(String function, Optional<String> qualifier, Optional<String> alias) {

        static Subject function(String name) {
            return new Subject(name, Optional.empty(), Optional.empty());
        }

        static Subject version(String name, String qualifier) {
            return new Subject(name, Optional.of(qualifier), Optional.empty());
        }

        static Subject alias(String function, String alias) {
            return new Subject(function, Optional.empty(), Optional.of(alias));
        }
    }

    private final String endpoint;

    AwsErrors(String endpoint) {
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

    LambdaException service(Subject subject, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = message(e);
        switch (code) {
            case "ResourceNotFoundException":
                return notFound(subject, message);
            case "PreconditionFailedException":
                return new PreconditionFailedException(message);
            case "ResourceConflictException":
                return message.contains("in progress") ? new UpdateInProgressException(message)
                        : new ResourceConflictException(message);
            case "ResourceInUseException":
                return new ResourceConflictException(message);
            case "InvalidParameterValueException", "InvalidRequestContentException", "RequestTooLargeException",
                    "CodeStorageExceededException", "ValidationException", "InvalidSecurityGroupIDException":
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
                if (code.isEmpty() || "null".equals(code)) {
                    return new BackendException(service + " at " + endpoint + " answered HTTP " + e.statusCode()
                            + " with no error code; does that endpoint implement " + service + "?", e);
                }
                return new BackendException(service + " answered HTTP " + e.statusCode() + " " + code + ": " + message, e);
        }
    }

    LambdaException client(SdkClientException e) {
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

    /** Lambda's own words ("Function not found: arn:…") become the sentences the local backend uses. */
    private static ResourceNotFoundException notFound(Subject subject, String message) {
        if (subject.alias().isPresent() && message.toLowerCase().contains("alias")) {
            return ResourceNotFoundException.alias(subject.function(), subject.alias().get());
        }
        if (subject.qualifier().filter(q -> q.matches("[0-9]+")).isPresent()) {
            return ResourceNotFoundException.version(subject.function(), subject.qualifier().get());
        }
        if (message.startsWith("Function not found") || message.contains("does not exist")
                || message.contains("Function " + subject.function())) {
            return ResourceNotFoundException.function(subject.function());
        }
        return new ResourceNotFoundException(message);
    }

    private static String message(AwsServiceException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (m == null || m.isBlank()) {
            m = e.getMessage();
        }
        return m;
    }

    private static Throwable rootCause(SdkException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
