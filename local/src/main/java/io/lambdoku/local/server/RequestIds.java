package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.local.LocalOptions;
import java.util.Optional;

/**
 * The function a request names, parsed once as Lambda parses it: path identifier plus the Qualifier
 * query parameter, in this server's region and account only.
 */
final class RequestIds {

    private final String region;

    RequestIds(String region) {
        this.region = region;
    }

    String region() {
        return region;
    }

    /** The identifier with the Qualifier parameter merged in; it may name $LATEST, a version or an alias. */
    FunctionRef qualified(WireExchange ex, String given) {
        return local(FunctionRef.parse(given).withQualifier(ex.query("Qualifier")));
    }

    /** For operations on the function itself (versions, aliases, configuration writes): no qualifier. */
    FunctionRef function(String given) {
        FunctionRef ref = local(FunctionRef.parse(given));
        if (ref.qualifier().isPresent()) {
            throw WireError.invalid("Function name '" + given + "' may not carry a qualifier for this operation;"
                    + " use the unqualified function name or ARN.");
        }
        return ref;
    }

    /** CreateFunction's FunctionName: a name or an unqualified ARN of at most 140 characters. */
    String name(Optional<String> given, String member) {
        String name = given.orElseThrow(() -> WireError.validation("1 validation error detected: Value null at '"
                + member + "' failed to satisfy constraint: Member must not be null"));
        if (name.length() > CREATE_MAX) {
            throw WireError.validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + CREATE_MAX);
        }
        return function(name).name();
    }

    private static final int CREATE_MAX = 140;

    private FunctionRef local(FunctionRef ref) {
        return ref.requireIn(region, LocalOptions.ACCOUNT);
    }
}
