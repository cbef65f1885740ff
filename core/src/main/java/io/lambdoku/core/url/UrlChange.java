package io.lambdoku.core.url;

import io.lambdoku.core.lambda.FunctionUrl;

/** What {@code url:create} did: made the URL, changed its auth or CORS in place, or found it as asked already. */
public record UrlChange(FunctionUrl url, Kind kind) {

    public enum Kind {
        CREATED, UPDATED, UNCHANGED
    }
}
