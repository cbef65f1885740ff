package io.lambdoku.core.lambda;

import java.util.Optional;

/**
 * A function, version or alias that does not exist; the factories keep the sentence the same on every
 * backend and remember what was missing, so the AWS-wire server can answer in AWS's words.
 */
public class ResourceNotFoundException extends LambdaException {

    /** What was looked for: a function, or one of its versions or aliases ({@code qualifier}). */
    public record Missing(String function, Optional<String> qualifier, boolean alias) {
    }

    private final Missing missing;

    public ResourceNotFoundException(String message) {
        this(message, (Missing) null);
    }

    private ResourceNotFoundException(String message, Missing missing) {
        super(message);
        this.missing = missing;
    }

    private ResourceNotFoundException(String message, String awsMessage) {
        super(message, awsMessage);
        this.missing = null;
    }

    public Optional<Missing> missing() {
        return Optional.ofNullable(missing);
    }

    public static ResourceNotFoundException function(String name) {
        return new ResourceNotFoundException("Function " + name + " does not exist.",
                new Missing(name, Optional.empty(), false));
    }

    public static ResourceNotFoundException version(String name, String version) {
        return new ResourceNotFoundException("Function " + name + " has no version " + version + ".",
                new Missing(name, Optional.of(version), false));
    }

    /** A qualifier that names neither a version nor an alias; AWS reports it as a missing function version. */
    public static ResourceNotFoundException qualifier(String function, String qualifier) {
        return new ResourceNotFoundException("Function " + function + " has no version or alias " + qualifier + ".",
                new Missing(function, Optional.of(qualifier), false));
    }

    public static ResourceNotFoundException alias(String function, String alias) {
        return new ResourceNotFoundException("Function " + function + " has no alias " + alias + ".",
                new Missing(function, Optional.of(alias), true));
    }

    /** A function or alias without a function URL; AWS says only that the resource does not exist. */
    public static ResourceNotFoundException functionUrl(String function, Optional<String> qualifier) {
        return new ResourceNotFoundException("Function " + function + qualifier.map(q -> ":" + q).orElse("")
                + " has no function URL.", "The resource you requested does not exist.");
    }
}
