package io.lambdoku.core.rollout;

import java.util.Objects;
import java.util.Optional;

/** What {@code rollout:start} (and {@code deploy --strategy}) asks for: move {@code alias} to {@code toVersion}. */
public record StartRequest(String function, String alias, String toVersion, Strategy strategy, Gates gates,
                           Optional<Hook> preHook, Optional<Hook> postHook) {

    public StartRequest {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(gates, "gates");
    }
}
