package io.lambdoku.local.server;

import io.lambdoku.core.lambda.LambdaApi;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reserved concurrency: PutFunctionConcurrency and DeleteFunctionConcurrency under /2017-10-31,
 * GetFunctionConcurrency under /2019-09-30, answered as Lambda answers them (GetFunctionConcurrency of a
 * function with none reserved is an empty object).
 */
final class ConcurrencyRoutes {

    private final LambdaApi lambda;
    private final RequestIds ids;

    ConcurrencyRoutes(LambdaApi lambda, RequestIds ids) {
        this.lambda = lambda;
        this.ids = ids;
    }

    void put(WireExchange ex, String given) throws IOException {
        String name = ids.function(given).name();
        int reserved = ex.integer("ReservedConcurrentExecutions").orElseThrow(() -> WireError.validation(
                "1 validation error detected: Value null at 'reservedConcurrentExecutions' failed to satisfy constraint:"
                        + " Member must not be null"));
        lambda.putReservedConcurrency(name, Optional.of(reserved));
        ex.json(200, Map.of("ReservedConcurrentExecutions", reserved));
    }

    void get(WireExchange ex, String given) throws IOException {
        Optional<Integer> reserved = lambda.reservedConcurrency(ids.function(given).name());
        ex.json(200, reserved.<Map<String, Object>>map(r -> Map.of("ReservedConcurrentExecutions", r)).orElse(Map.of()));
    }

    void delete(WireExchange ex, String given) throws IOException {
        lambda.putReservedConcurrency(ids.function(given).name(), Optional.empty());
        ex.empty(204);
    }
}
