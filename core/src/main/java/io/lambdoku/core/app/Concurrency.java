package io.lambdoku.core.app;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import java.util.Optional;

/**
 * An app's reserved concurrency: the most environments it may run at once, and the share of the account's
 * concurrency kept for it. 0 throttles every invoke (TooManyRequestsException) and deletes nothing; none puts the
 * function back in the account's unreserved pool. Not a release: Lambda keeps it beside the function, outside
 * versions and RevisionId.
 */
public final class Concurrency {

    private final LambdaApi api;

    public Concurrency(LambdaApi api) {
        this.api = api;
    }

    /** What it was and what it is; the same value again writes nothing. */
    public ReservedChange reserve(String function, Optional<Integer> reserved) {
        if (reserved.isPresent() && reserved.get() < 0) {
            throw new InvalidParameterException("Reserved concurrency is 0 (every invoke throttled) or more, not "
                    + reserved.get() + ".");
        }
        Optional<Integer> before = api.reservedConcurrency(function);
        if (!before.equals(reserved)) {
            api.putReservedConcurrency(function, reserved);
        }
        return new ReservedChange(function, before, reserved);
    }

    /** A change of reserved concurrency; {@code after} empty: none reserved. */
    public record ReservedChange(String function, Optional<Integer> before, Optional<Integer> after) {

        public boolean changed() {
            return !before.equals(after);
        }
    }
}
