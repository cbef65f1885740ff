package io.lambdoku.core.lambda;

/** Lambda's "An update is in progress for resource": retry once LastUpdateStatus is Successful. */
public class UpdateInProgressException extends ResourceConflictException {

    public UpdateInProgressException(String message) {
        super(message);
    }

    public UpdateInProgressException(String message, String awsMessage) {
        super(message, awsMessage);
    }
}
