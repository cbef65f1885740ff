package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

public record Alias(String arn, String name, String functionVersion, Optional<WeightedVersion> additionalVersion,
                    String description, String revisionId) {

    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(functionVersion, "functionVersion");
        additionalVersion = additionalVersion == null ? Optional.empty() : additionalVersion;
        description = description == null ? "" : description;
    }

    public boolean pointsAt(String version) {
        return functionVersion.equals(version)
                || additionalVersion.map(w -> w.version().equals(version)).orElse(false);
    }
}
