package io.lambdoku.core.rollout;

/**
 * A rollout command that cannot go on, in one sentence for the user: another rollout is active on the alias
 * (named, with who drives it), there is no rollout to resume, the version does not exist.
 */
public final class RolloutException extends RuntimeException {

    public RolloutException(String message) {
        super(message);
    }
}
