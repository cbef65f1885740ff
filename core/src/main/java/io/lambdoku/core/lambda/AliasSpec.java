package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

/** What CreateAlias/UpdateAlias take: a primary version and at most one weighted extra version. */
public record AliasSpec(String name, String functionVersion, Optional<WeightedVersion> additionalVersion, String description) {

    public AliasSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(functionVersion, "functionVersion");
        additionalVersion = additionalVersion == null ? Optional.empty() : additionalVersion;
        description = description == null ? "" : description;
    }
}
