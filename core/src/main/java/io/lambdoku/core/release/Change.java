package io.lambdoku.core.release;

import io.lambdoku.core.lambda.FunctionConfig;
import java.util.Optional;

/**
 * A user's change, expressed against whatever $LATEST is when it is applied, so that a retry after a
 * lost race re-applies the change itself, not a stale snapshot.
 */
@FunctionalInterface
public interface Change {

    /** The writes that make this change on top of {@code latest}; empty when it would change nothing. */
    Optional<Update> against(FunctionConfig latest);
}
