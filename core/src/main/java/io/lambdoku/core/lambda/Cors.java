package io.lambdoku.core.lambda;

import java.util.List;
import java.util.Optional;

/** A function URL's Cors block, as CreateFunctionUrlConfig takes it (empty lists: not set). */
public record Cors(boolean allowCredentials, List<String> allowHeaders, List<String> allowMethods,
                   List<String> allowOrigins, List<String> exposeHeaders, Optional<Integer> maxAge) {

    public Cors {
        allowHeaders = List.copyOf(allowHeaders);
        allowMethods = List.copyOf(allowMethods);
        allowOrigins = List.copyOf(allowOrigins);
        exposeHeaders = List.copyOf(exposeHeaders);
        maxAge = maxAge == null ? Optional.empty() : maxAge;
    }

    /** What {@code url:create --cors ORIGIN…} means: those origins, any method and header. */
    public static Cors origins(List<String> origins) {
        return new Cors(false, List.of("*"), List.of("*"), origins, List.of(), Optional.empty());
    }
}
