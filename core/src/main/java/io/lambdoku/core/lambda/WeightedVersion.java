package io.lambdoku.core.lambda;

import java.util.Objects;

/** RoutingConfig.AdditionalVersionWeights: one extra version and the share of traffic it gets. */
public record WeightedVersion(String version, double weight) {

    public WeightedVersion {
        Objects.requireNonNull(version, "version");
    }
}
