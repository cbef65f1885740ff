package io.lambdoku.core.release;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.StoredCode;
import java.util.List;
import java.util.Optional;

/**
 * Restores the code and the whole configuration (env, handler, runtime, memory, timeout, layers,
 * role) of an earlier release onto $LATEST and publishes it as "Rollback to vN".
 */
public final class Rollback {

    private final LambdaApi api;
    private final ReleaseLog log;
    private final AtomicRelease releases;

    public Rollback(LambdaApi api, Events events) {
        this.api = api;
        this.log = new ReleaseLog(api);
        this.releases = new AtomicRelease(api, events);
    }

    /**
     * What {@link #to} would change, changing nothing (rollback --dry-run, the dashboard's plan): $LATEST against the
     * release rolled back to.
     */
    public RollbackPlan plan(String function, Optional<Integer> version) {
        Release target = target(function, version);
        FunctionConfig latest = api.getFunction(function, FunctionConfig.LATEST);
        Release now = new Release(function, 0, latest.description(), latest.lastModified(), latest.codeSha256(),
                latest.codeSize(), latest.settings());
        boolean available = api.hasCode(new StoredCode(target.codeSha256(), function, target.version()));
        return new RollbackPlan(function, target, ConfigDiff.between(Optional.of(now), target), available);
    }

    /** Rolls back to release {@code version}, or without one to the release before the newest. */
    public ReleaseOutcome to(String function, Optional<Integer> version) {
        Release target = target(function, version);
        StoredCode code = new StoredCode(target.codeSha256(), function, target.version());
        if (!api.hasCode(code)) {
            throw new ResourceNotFoundException("The code of " + target.label() + " (" + target.codeSha256()
                    + ") is neither in the artifact store nor downloadable, so it cannot be restored; nothing was changed."
                    + " On AWS, an artifact bucket (lambdoku setup) keeps every release's code.");
        }
        String description = "Rollback to " + target.label();
        return releases.apply(function, latest -> {
            boolean sameSettings = latest.settings().equals(target.settings());
            boolean sameCode = latest.codeSha256().equals(target.codeSha256());
            if (sameSettings && sameCode) {
                return Optional.empty();
            }
            return Optional.of(new Update(Optional.of(target.settings()),
                    Optional.of(code), description));
        }, "No change: " + function + " already runs the code and config of " + target.label() + ".");
    }

    private Release target(String function, Optional<Integer> version) {
        return version.map(v -> log.get(function, v)).orElseGet(() -> previous(function));
    }

    private Release previous(String function) {
        List<Release> newestTwo = log.list(function, 2);
        if (newestTwo.size() < 2) {
            throw new ResourceNotFoundException("Function " + function
                    + " has no release before the current one to roll back to.");
        }
        return newestTwo.get(1);
    }
}
