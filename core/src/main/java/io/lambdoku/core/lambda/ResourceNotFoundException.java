package io.lambdoku.core.lambda;

/** A function, version or alias that does not exist; the factories keep the sentence the same on every backend. */
public class ResourceNotFoundException extends LambdaException {

    public ResourceNotFoundException(String message) {
        super(message);
    }

    public static ResourceNotFoundException function(String name) {
        return new ResourceNotFoundException("Function " + name + " does not exist.");
    }

    public static ResourceNotFoundException version(String name, String version) {
        return new ResourceNotFoundException("Function " + name + " has no version " + version + ".");
    }

    public static ResourceNotFoundException alias(String function, String alias) {
        return new ResourceNotFoundException("Function " + function + " has no alias " + alias + ".");
    }
}
