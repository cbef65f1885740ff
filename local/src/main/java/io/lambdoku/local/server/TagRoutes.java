package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaApi;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;

/** Tags live on the function and are addressed by its ARN (/2017-03-31/tags/{ARN}). */
final class TagRoutes {

    private final LambdaApi lambda;
    private final RequestIds ids;

    TagRoutes(LambdaApi lambda, RequestIds ids) {
        this.lambda = lambda;
        this.ids = ids;
    }

    void list(WireExchange ex, String arn) throws IOException {
        ex.json(200, Map.of("Tags", lambda.listTags(function(arn))));
    }

    void tag(WireExchange ex, String arn) throws IOException {
        Map<String, Object> tags = ex.object("Tags").orElseThrow(() -> WireError.validation(
                "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null"));
        String name = function(arn);
        if (tags.isEmpty()) {
            throw WireError.invalid("An error occurred and the request cannot be processed.");
        }
        lambda.tagFunction(name, FunctionRoutes.strings(tags, "Tags"));
        ex.empty(204);
    }

    void untag(WireExchange ex, String arn) throws IOException {
        String name = function(arn);
        if (ex.queryAll("tagKeys").isEmpty()) {
            throw WireError.validation("1 validation error detected: Value null at 'tagKeys' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        lambda.untagFunction(name, new LinkedHashSet<>(ex.queryAll("tagKeys")));
        ex.empty(204);
    }

    /** Tags belong to the function: addressed by its unqualified ARN, never a version's or an alias's. */
    private String function(String arn) {
        if (!arn.startsWith("arn:")) {
            throw WireError.validation("1 validation error detected: Value '" + arn + "' at 'resource' failed to satisfy"
                    + " constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}"
                    + "((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?"
                    + "|layer:[a-zA-Z0-9-_]+|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-f]{8}-[0-9a-f]{4}"
                    + "-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
        }
        FunctionRef ref = FunctionRef.parse(arn);
        if (ref.qualifier().isPresent()) {
            throw WireError.invalid("Tags on function aliases and versions are not supported. Please specify a function"
                    + " ARN.");
        }
        return ids.function(arn).name();
    }
}
