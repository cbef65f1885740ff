package io.lambdoku.core.lambda;

/**
 * A request that fails Lambda's model-level checks (patterns, lengths, ranges). AWS answers these with
 * {@code ValidationException} before it looks at any resource, unlike the semantic
 * {@code InvalidParameterValueException}; clients that match on the error code see the difference.
 */
public class ValidationException extends InvalidParameterException {

    public ValidationException(String message, String awsMessage) {
        super(message, awsMessage);
    }

    /** AWS's sentence for a value failing its pattern, after the user's own sentence. */
    public static ValidationException pattern(String userMessage, String value, String member, String pattern) {
        return new ValidationException(userMessage, constraint(value, member, "Member must satisfy regular expression pattern: "
                + pattern));
    }

    public static ValidationException constraint(String userMessage, String value, String member, String constraint) {
        return new ValidationException(userMessage, constraint(value, member, constraint));
    }

    private static String constraint(String value, String member, String constraint) {
        return "1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint;
    }
}
