package io.lambdoku.core.app;

import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an app takes traffic beyond its code: reserved concurrency, provisioned concurrency per alias or version,
 * function URLs. A part the backend cannot tell (an endpoint that lacks the call: moto has no provisioned
 * concurrency; a backend without the feature) is unknown, with the reason, rather than failing the whole readout.
 */
public record Serving(Optional<Integer> reserved, Part<List<ProvisionedConcurrency>> provisioned,
                      Part<List<FunctionUrl>> urls) {

    /** A value, or why it could not be read. */
    public record Part<T>(Optional<T> value, Optional<String> unknown) {
    }

    public static Serving read(LambdaApi api, String function) {
        return new Serving(api.reservedConcurrency(function), part(() -> api.listProvisionedConcurrency(function)),
                part(() -> api.listFunctionUrls(function)));
    }

    private static <T> Part<T> part(Supplier<T> read) {
        try {
            return new Part<>(Optional.of(read.get()), Optional.empty());
        } catch (BackendException e) {
            return new Part<>(Optional.empty(), Optional.of(e.getMessage()));
        } catch (UnsupportedOperationException e) {
            return new Part<>(Optional.empty(), Optional.of("this backend does not offer it (" + e.getMessage() + ")"));
        }
    }
}
