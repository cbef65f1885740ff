package io.lambdoku.core.lambda;

import java.util.Objects;
import java.util.Optional;

/**
 * A ProvisionedConcurrencyConfig of an alias or a version: how many environments were asked for, how many
 * are initialised and how many of those are free now; status IN_PROGRESS until they all are, then READY,
 * or FAILED with the reason (an init that fails, say).
 */
public record ProvisionedConcurrency(String function, String qualifier, int requested, int allocated, int available,
                                     Status status, Optional<String> statusReason, String lastModified) {

    public enum Status {
        IN_PROGRESS, READY, FAILED
    }

    public ProvisionedConcurrency {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(status, "status");
        statusReason = statusReason == null ? Optional.empty() : statusReason;
    }
}
