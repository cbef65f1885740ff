package io.lambdoku.core.release;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.VersionSummary;
import java.util.List;
import java.util.Optional;

/** A function's releases: its published versions, newest first. */
public final class ReleaseLog {

    private final LambdaApi api;

    public ReleaseLog(LambdaApi api) {
        this.api = api;
    }

    /** Newest first; {@code limit} 0 means all. */
    public List<Release> list(String function, int limit) {
        List<Release> all = (limit > 0 ? api.newestVersions(function, limit) : api.listVersions(function)).stream()
                .filter(v -> !v.isLatest())
                .map(Release::of)
                // Not Comparator.comparingInt(..).reversed(): its lambda is Serializable, which the class-data archive
                // never holds, so every run would generate it (~1 ms).
                .sorted((a, b) -> Integer.compare(b.version(), a.version()))
                .toList();
        return limit > 0 && limit < all.size() ? all.subList(0, limit) : all;
    }

    /** What {@link #list} gives, without each release's settings (cheaper where the backend stores them apart). */
    public List<VersionSummary> summaries(String function, int limit) {
        return api.versionSummaries(function, limit);
    }

    public Release newest(String function) {
        return newestIfAny(function).orElseThrow(() -> new ResourceNotFoundException(
                "Function " + function + " has no releases yet."));
    }

    /** The newest release; empty for a function created and never published. */
    public Optional<Release> newestIfAny(String function) {
        return list(function, 1).stream().findFirst();
    }

    /** Release N, or a sentence naming the newest one when there is no such release. */
    public Release get(String function, int version) {
        try {
            return Release.of(api.getFunction(function, Integer.toString(version)));
        } catch (ResourceNotFoundException e) {
            api.getFunction(function, FunctionConfig.LATEST); // an unknown function says so first
            String newest = newestIfAny(function).map(Release::label).orElse("none");
            throw new ResourceNotFoundException("No release v" + version + " for function " + function
                    + "; newest is " + newest + ". See 'lambdoku releases'.");
        }
    }

    /** Release N (default: the newest) with what changed since the release before it. */
    public ReleaseDetails info(String function, Optional<Integer> version) {
        List<Release> all = list(function, 0);
        if (all.isEmpty()) {
            throw new ResourceNotFoundException("Function " + function + " has no releases yet.");
        }
        Release release = version.map(v -> get(function, v)).orElse(all.get(0));
        Optional<Release> previous = all.stream().filter(r -> r.version() < release.version()).findFirst();
        return new ReleaseDetails(release, previous, ConfigDiff.between(previous, release));
    }
}
