package io.lambdoku.core.release;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.UpdateFailedException;
import io.lambdoku.core.lambda.UpdateStatus;
import java.time.Duration;

/**
 * Waits until $LATEST is Active and its LastUpdateStatus has left InProgress, as Lambda requires before
 * the next write.
 */
public final class UpdateWaiter {

    private final LambdaApi api;
    private final Events events;
    private final Duration poll;
    private final Duration limit;

    public UpdateWaiter(LambdaApi api, Events events, Duration poll, Duration limit) {
        this.api = api;
        this.events = events;
        this.poll = poll;
        this.limit = limit;
    }

    public UpdateWaiter(LambdaApi api, Events events) {
        this(api, events, Duration.ofMillis(100), Duration.ofMinutes(5));
    }

    /** Returns $LATEST once settled; fails with LastUpdateStatusReason when the update failed. */
    public FunctionConfig settled(FunctionConfig current) {
        long deadline = System.nanoTime() + limit.toNanos();
        FunctionConfig config = current;
        while (config.settling()) {
            if (System.nanoTime() > deadline) {
                throw new UpdateFailedException("Function " + config.name() + " is still updating after "
                        + limit.toSeconds() + " s; try again later.");
            }
            events.waitingForUpdate(config.name());
            Backoff.sleep(poll);
            config = api.getFunction(config.name(), FunctionConfig.LATEST);
        }
        if (config.lastUpdateStatus() == UpdateStatus.FAILED) {
            throw new UpdateFailedException("The last update of " + config.name() + " failed: "
                    + config.lastUpdateStatusReason().orElse("Lambda gave no reason") + ".");
        }
        return config;
    }
}
