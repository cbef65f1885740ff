package io.lambdoku.core.pipeline;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.StoredCode;
import io.lambdoku.core.lock.Guard;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A function's downstreams and promotion to them. The list lives in a function tag, never in the
 * environment, so it neither leaks into the app's env nor rolls back with it.
 */
public final class Pipeline {

    public static final String TAG = "lambdoku:downstreams";
    private static final int MAX_TAG_VALUE = 256;

    private final LambdaApi api;
    private final Events events;
    private final Guard guard;
    private final ReleaseLog log;

    public Pipeline(LambdaApi api, Events events) {
        this(api, events, Guard.NONE);
    }

    /** {@code guard} holds each downstream's lock while it is promoted (the upstream is only read). */
    public Pipeline(LambdaApi api, Events events, Guard guard) {
        this.api = api;
        this.events = events;
        this.guard = guard;
        this.log = new ReleaseLog(api);
    }

    public List<String> downstreams(String function) {
        String value = api.listTags(function).getOrDefault(TAG, "");
        return value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    public List<String> add(String function, String downstream) {
        if (function.equals(downstream)) {
            throw new InvalidParameterException("A function cannot be its own downstream.");
        }
        api.getFunction(downstream, FunctionConfig.LATEST);
        Set<String> list = new LinkedHashSet<>(downstreams(function));
        if (!list.add(downstream)) {
            throw new InvalidParameterException(downstream + " is already a downstream of " + function + ".");
        }
        return store(function, list);
    }

    public List<String> remove(String function, String downstream) {
        Set<String> list = new LinkedHashSet<>(downstreams(function));
        if (!list.remove(downstream)) {
            throw new InvalidParameterException(downstream + " is not a downstream of " + function
                    + "; see 'lambdoku pipeline'.");
        }
        return store(function, list);
    }

    /**
     * Adds the downstreams not there yet, after those already there. Adding what is already there
     * writes nothing, so merging the same list again (a retried import) is harmless.
     */
    List<String> merge(String function, List<String> more) {
        List<String> current = downstreams(function);
        Set<String> merged = new LinkedHashSet<>(current);
        merged.addAll(more);
        return merged.size() == current.size() ? current : store(function, merged);
    }

    private List<String> store(String function, Set<String> list) {
        String value = String.join(",", list);
        if (value.length() > MAX_TAG_VALUE) {
            throw new InvalidParameterException("Too many downstreams for one pipeline: Lambda tag values hold "
                    + MAX_TAG_VALUE + " characters.");
        }
        if (value.isEmpty()) {
            api.untagFunction(function, Set.of(TAG));
        } else {
            api.tagFunction(function, Map.of(TAG, value));
        }
        return List.copyOf(list);
    }

    /**
     * Copies the code of the upstream's newest release (or {@code version}) to every downstream, in
     * parallel, leaving each downstream's config as it is (Heroku's rule). One outcome per downstream;
     * a failing downstream does not stop the others.
     */
    public List<Promotion> promote(String upstream, Optional<Integer> version) {
        List<String> targets = downstreams(upstream);
        if (targets.isEmpty()) {
            throw new InvalidParameterException(upstream + " has no downstreams; add one with 'lambdoku pipeline:add'.");
        }
        Release release = version.map(v -> log.get(upstream, v)).orElseGet(() -> log.newest(upstream));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(targets.size(), 8));
        try {
            List<Future<ReleaseOutcome>> running = new ArrayList<>();
            for (String target : targets) {
                running.add(pool.submit(() -> guard.holding(target, "pipeline:promote", () -> promoteOne(upstream, release, target))));
            }
            List<Promotion> results = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                results.add(collect(targets.get(i), running.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What {@link #promote} would do now, changing nothing: the engine of 'pipeline:promote --dry-run' and of the
     * dashboard's confirm page. A downstream that runs the release's code already is left alone by both.
     */
    public PromotionPlan plan(String upstream, Optional<Integer> version) {
        List<String> targets = downstreams(upstream);
        if (targets.isEmpty()) {
            throw new InvalidParameterException(upstream + " has no downstreams; add one with 'lambdoku pipeline:add'.");
        }
        Release release = version.map(v -> log.get(upstream, v)).orElseGet(() -> log.newest(upstream));
        List<PromotionPlan.Step> steps = new ArrayList<>();
        for (String target : targets) {
            String runs = api.getFunction(target, FunctionConfig.LATEST).codeSha256();
            Optional<Release> current = log.newestIfAny(target);
            steps.add(new PromotionPlan.Step(target, current, !runs.equals(release.codeSha256())));
        }
        return new PromotionPlan(upstream, release, steps);
    }

    private ReleaseOutcome promoteOne(String upstream, Release release, String downstream) {
        String description = "Promote " + release.label() + " from " + upstream;
        return new AtomicRelease(api, events).apply(downstream, latest -> latest.codeSha256().equals(release.codeSha256())
                ? Optional.empty()
                : Optional.of(Update.code(new StoredCode(release.codeSha256(), upstream, release.version()), description)),
                "No change: " + downstream + " already runs the code of " + upstream + " " + release.label() + ".");
    }

    private static Promotion collect(String downstream, Future<ReleaseOutcome> future) {
        try {
            return new Promotion(downstream, Optional.of(future.get()), Optional.empty());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Promotion(downstream, Optional.empty(), Optional.of(cause instanceof RuntimeException r ? r
                    : new IllegalStateException(cause)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Promotion(downstream, Optional.empty(), Optional.of(new IllegalStateException("interrupted")));
        }
    }

    /** How promoting one downstream ended: an outcome, or the failure that stopped it. */
    public record Promotion(String downstream, Optional<ReleaseOutcome> outcome, Optional<RuntimeException> failure) {
    }

}
