package io.lambdoku.local.server;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.WeightedVersion;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Aliases of a function, with RoutingConfig's one weighted extra version. */
final class AliasRoutes {

    private final LambdaApi lambda;
    private final RequestIds ids;

    AliasRoutes(LambdaApi lambda, RequestIds ids) {
        this.lambda = lambda;
        this.ids = ids;
    }

    void create(WireExchange ex, String function) throws IOException {
        AliasSpec spec = new AliasSpec(
                ex.string("Name").orElseThrow(() -> required("name")),
                ex.string("FunctionVersion").orElseThrow(() -> required("functionVersion")),
                routing(ex).orElse(Optional.empty()), ex.string("Description").orElse(""));
        ex.json(201, WireShapes.alias(lambda.createAlias(ids.function(function).name(), spec)));
    }

    void list(WireExchange ex, String function) throws IOException {
        Optional<String> version = ex.query("FunctionVersion");
        List<Map<String, Object>> all = lambda.listAliases(ids.function(function).name()).stream()
                .filter(a -> version.isEmpty() || a.pointsAt(version.get()))
                .map(WireShapes::alias).toList();
        ex.json(200, Page.of("Aliases", all, ex));
    }

    private static WireError.Raised required(String member) {
        return WireError.validation("1 validation error detected: Value null at '" + member
                + "' failed to satisfy constraint: Member must not be null");
    }

    void get(WireExchange ex, String function, String alias) throws IOException {
        ex.json(200, WireShapes.alias(lambda.getAlias(ids.function(function).name(), alias)));
    }

    /** Members left out keep their value, as on Lambda; an empty AdditionalVersionWeights clears the canary. */
    void update(WireExchange ex, String function, String alias) throws IOException {
        String name = ids.function(function).name();
        Alias current = lambda.getAlias(name, alias);
        AliasSpec spec = new AliasSpec(alias, ex.string("FunctionVersion").orElse(current.functionVersion()),
                routing(ex).orElse(current.additionalVersion()), ex.string("Description").orElse(current.description()));
        Optional<String> revision = Optional.of(ex.string("RevisionId").orElse(current.revisionId()));
        ex.json(200, WireShapes.alias(lambda.updateAlias(name, spec, revision)));
    }

    void delete(WireExchange ex, String function, String alias) throws IOException {
        lambda.deleteAlias(ids.function(function).name(), alias);
        ex.empty(204);
    }

    private static Optional<Optional<WeightedVersion>> routing(WireExchange ex) {
        return ex.object("RoutingConfig").map(rc -> {
            Object weights = rc.getOrDefault("AdditionalVersionWeights", Map.of());
            if (!(weights instanceof Map<?, ?> m)) {
                throw WireError.badRequest("RoutingConfig.AdditionalVersionWeights must be an object.");
            }
            if (m.size() > 1) {
                throw WireError.invalid("Number of items in AdditionalVersionWeights cannot be greater than 1");
            }
            return m.entrySet().stream().findFirst().map(e -> {
                if (!(e.getValue() instanceof Number w)) {
                    throw WireError.badRequest("The weight of version " + e.getKey() + " must be a number.");
                }
                return new WeightedVersion(String.valueOf(e.getKey()), w.doubleValue());
            });
        });
    }
}
