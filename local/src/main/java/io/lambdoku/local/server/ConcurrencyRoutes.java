package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionRef;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.local.Arns;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reserved concurrency: PutFunctionConcurrency and DeleteFunctionConcurrency under /2017-10-31,
 * GetFunctionConcurrency under /2019-09-30, answered as Lambda answers them (GetFunctionConcurrency of a
 * function with none reserved is an empty object). Provisioned concurrency under /2019-09-30: Put, Get, Delete
 * ProvisionedConcurrencyConfig (?Qualifier=) and ListProvisionedConcurrencyConfigs (?List=ALL).
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

    void putProvisioned(WireExchange ex, String given) throws IOException {
        FunctionRef ref = provisionedTarget(ex, given);
        int requested = ex.integer("ProvisionedConcurrentExecutions").orElseThrow(() -> WireError.validation(
                "1 validation error detected: Value null at 'provisionedConcurrentExecutions' failed to satisfy constraint:"
                        + " Member must not be null"));
        ex.json(202, provisioned(lambda.putProvisionedConcurrency(ref.name(), ref.qualifier().get(), requested), false));
    }

    /** Without a Qualifier, {@code List=ALL} is ListProvisionedConcurrencyConfigs, as the two share the path. */
    void getProvisioned(WireExchange ex, String given) throws IOException {
        if (ex.query("Qualifier").isEmpty() && ex.query("List").isPresent()) {
            if (!ex.query("List").get().equals("ALL")) {
                throw WireError.validation("1 validation error detected: Value '" + ex.query("List").get() + "' at 'list'"
                        + " failed to satisfy constraint: Member must satisfy enum value set: [ALL]");
            }
            List<Map<String, Object>> all = lambda.listProvisionedConcurrency(ids.function(given).name()).stream()
                    .map(p -> provisioned(p, true)).toList();
            ex.json(200, Page.of("ProvisionedConcurrencyConfigs", all, ex));
            return;
        }
        FunctionRef ref = provisionedTarget(ex, given);
        ProvisionedConcurrency p = lambda.provisionedConcurrency(ref.name(), ref.qualifier().get())
                .orElseThrow(() -> new WireError.Raised(new WireError(404, "ProvisionedConcurrencyConfigNotFoundException",
                        "No Provisioned Concurrency Config found for this function")));
        ex.json(200, provisioned(p, false));
    }

    void deleteProvisioned(WireExchange ex, String given) throws IOException {
        FunctionRef ref = provisionedTarget(ex, given);
        lambda.deleteProvisionedConcurrency(ref.name(), ref.qualifier().get());
        ex.empty(204);
    }

    private FunctionRef provisionedTarget(WireExchange ex, String given) {
        FunctionRef ref = ids.qualified(ex, given);
        if (ref.qualifier().isEmpty()) {
            throw WireError.validation("1 validation error detected: Value null at 'qualifier' failed to satisfy constraint:"
                    + " Member must not be null");
        }
        return ref;
    }

    /** Lambda's shape; a list item also names the config by its qualified ARN. */
    private Map<String, Object> provisioned(ProvisionedConcurrency p, boolean listItem) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (listItem) {
            m.put("FunctionArn", new Arns(ids.region()).function(p.function()) + ":" + p.qualifier());
        }
        m.put("RequestedProvisionedConcurrentExecutions", p.requested());
        m.put("AvailableProvisionedConcurrentExecutions", p.available());
        m.put("AllocatedProvisionedConcurrentExecutions", p.allocated());
        m.put("Status", p.status().name());
        p.statusReason().ifPresent(r -> m.put("StatusReason", r));
        m.put("LastModified", WireShapes.lastModified(p.lastModified()));
        return m;
    }
}
