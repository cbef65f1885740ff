package io.lambdoku.core.rollout;

import java.util.Objects;

/**
 * A check run before traffic moves (pre) or after it all moved (post), like CodeDeploy's BeforeAllowTraffic
 * and AfterAllowTraffic: a Lambda function invoked with the rollout's facts, or a local command given them
 * in its environment.
 */
public record Hook(Kind kind, String target) {

    public enum Kind { FUNCTION, COMMAND }

    public Hook {
        Objects.requireNonNull(kind, "kind");
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("a hook needs a function name or a command");
        }
    }

    public String describe() {
        return kind == Kind.FUNCTION ? "function " + target : "command '" + target + "'";
    }
}
