package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

/** What a caller asks of a function URL (Create/UpdateFunctionUrlConfig); InvokeMode is always BUFFERED here. */
public record FunctionUrlSpec(UrlAuth auth, Optional<Cors> cors) {

    public FunctionUrlSpec {
        Objects.requireNonNull(auth, "auth");
        cors = cors == null ? Optional.empty() : cors;
    }
}
