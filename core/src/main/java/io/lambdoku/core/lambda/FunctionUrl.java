package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

/**
 * A function URL as GetFunctionUrlConfig answers it. {@code qualifier}: the alias it serves, empty for
 * $LATEST (Lambda never gives a version a URL). {@code url} ends with "/".
 */
public record FunctionUrl(String function, Optional<String> qualifier, String url, String functionArn, UrlAuth auth,
                          Optional<Cors> cors, String creationTime, String lastModifiedTime) {

    public FunctionUrl {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(url, "url");
        qualifier = qualifier == null ? Optional.empty() : qualifier;
        cors = cors == null ? Optional.empty() : cors;
    }

    /** "hello" or "hello:live", as the CLI names it. */
    public String target() {
        return function + qualifier.map(q -> ":" + q).orElse("");
    }
}
