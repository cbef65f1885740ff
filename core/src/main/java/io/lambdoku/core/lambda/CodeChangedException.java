package io.lambdoku.core.lambda;

/**
 * PublishVersion's CodeSha256 guard failed: $LATEST's code changed since it was read. For
 * {@link io.lambdoku.core.release.AtomicRelease} this is a lost race like a stale RevisionId; AWS,
 * however, answers it with 400 InvalidParameterValueException, not 412, and adapters must map it back.
 */
public class CodeChangedException extends PreconditionFailedException {

    public CodeChangedException(String message, String awsMessage) {
        super(message, awsMessage);
    }
}
