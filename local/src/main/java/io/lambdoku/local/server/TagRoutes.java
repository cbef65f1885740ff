package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaApi;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;

/** Tags live on the function and are addressed by its ARN (/2017-03-31/tags/{ARN}). */
final class TagRoutes {

    private final LambdaApi lambda;

    TagRoutes(LambdaApi lambda) {
        this.lambda = lambda;
    }

    void list(WireExchange ex, String arn) throws IOException {
        ex.json(200, Map.of("Tags", lambda.listTags(function(arn))));
    }

    void tag(WireExchange ex, String arn) throws IOException {
        Map<String, Object> tags = ex.object("Tags").orElseThrow(() -> WireError.invalid("Tags is required."));
        lambda.tagFunction(function(arn), FunctionRoutes.strings(tags, "Tags"));
        ex.empty(204);
    }

    void untag(WireExchange ex, String arn) throws IOException {
        lambda.untagFunction(function(arn), new LinkedHashSet<>(ex.queryAll("tagKeys")));
        ex.empty(204);
    }

    private static String function(String arn) {
        if (!arn.startsWith("arn:")) {
            throw WireError.invalid("'" + arn + "' is not a function ARN; tags are addressed by ARN.");
        }
        return FunctionRef.parse(arn).name();
    }
}
