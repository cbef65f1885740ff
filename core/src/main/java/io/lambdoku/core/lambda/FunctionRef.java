package io.lambdoku.core.lambda;

import java.util.Optional;

/**
 * What a user names a function by: a name, a full ARN or a partial ARN
 * ({@code 123456789012:function:name}). Backends address it by {@link #name()}; the aws backend also
 * reads the region out of a full ARN.
 */
public record FunctionRef(String name, Optional<String> region, Optional<String> account, String given) {

    public static FunctionRef parse(String given) {
        String[] parts = given.split(":", -1);
        if (given.startsWith("arn:")) {
            if (parts.length < 7 || !"lambda".equals(parts[2]) || !"function".equals(parts[5])) {
                throw new InvalidParameterException("'" + given
                        + "' is not a Lambda function ARN; expected arn:aws:lambda:REGION:ACCOUNT:function:NAME.");
            }
            return of(parts[6], Optional.of(parts[3]), Optional.of(parts[4]), given);
        }
        if (parts.length >= 3 && "function".equals(parts[1])) {
            return of(parts[2], Optional.empty(), Optional.of(parts[0]), given);
        }
        return of(given, Optional.empty(), Optional.empty(), given);
    }

    private static FunctionRef of(String name, Optional<String> region, Optional<String> account, String given) {
        LambdaLimits.checkFunctionName(name);
        return new FunctionRef(name, region, account, given);
    }
}
