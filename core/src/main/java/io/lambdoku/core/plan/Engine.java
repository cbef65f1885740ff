package io.lambdoku.core.plan;

import io.lambdoku.core.code.ResolvedPackage;
import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.code.S3PackageResolver;
import io.lambdoku.core.deploy.Deployer;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.infra.Infra;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lock.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deploy engine front ends call: plan a function (observe, diff: read-only), deploy it in one step
 * (lock, plan, apply), or apply a plan made earlier exactly as it was reviewed (lock, observe again and
 * verify, apply with preconditions). Reading and building folders is {@link Targets}' part.
 */
public final class Engine {

    /**
     * {@code defaultRole}: the role of a new function whose manifest names none (the local backend's); empty
     * where one is required (AWS). {@code largePackagesThroughS3}: packages over 50 MB may be deployed (the
     * aws backend with an artifact bucket).
     */
    public record Options(Optional<String> defaultRole, boolean largePackagesThroughS3) {
    }

    /** For front ends that deploy files and folders only: a plan of an S3 package is refused at apply. */
    private static final S3PackageResolver NO_PACKAGES = new S3PackageResolver() {
        @Override
        public ResolvedPackage resolve(String function, S3Package location, Events events) {
            throw refused(location);
        }

        @Override
        public CodeZip download(String function, ResolvedPackage found, Events events) {
            throw refused(found.requested());
        }

        private InvalidParameterException refused(S3Package location) {
            return new InvalidParameterException("This engine cannot read " + location + "; deploy a file or folder.");
        }
    };

    private final Guard guard;
    private final Planner planner;
    private final Executor executor;
    private final S3PackageResolver packages;
    private final Events events;

    /** An engine for packages in hand only (see {@link #NO_PACKAGES}). */
    public Engine(LambdaApi api, Infra infra, Guard guard, Events events, Options options) {
        this(api, infra, guard, events, options, NO_PACKAGES);
    }

    /** {@code packages}: finds an S3 package again when a plan of it is applied, to see whether it changed. */
    public Engine(LambdaApi api, Infra infra, Guard guard, Events events, Options options,
                  S3PackageResolver packages) {
        this.guard = guard;
        this.packages = packages;
        this.events = events;
        Deployer deployer = new Deployer(api, events, options.defaultRole().orElse(null));
        this.planner = new Planner(api, infra, deployer, events, options);
        this.executor = new Executor(api, infra, deployer, events);
    }

    /** What applying {@code target} would change; changes nothing. */
    public FunctionPlan plan(Target target) {
        return planner.plan(target);
    }

    public Plan plan(List<Target> targets) {
        return new Plan(targets.stream().map(this::plan).toList());
    }

    /**
     * deploy: under the function's lock, plans and applies at once; a change that lost a race with a
     * concurrent writer is re-derived from what is there now (a config:set meanwhile is kept).
     */
    public Applied deploy(Target target) {
        return guard.holding(target.function(), "deploy", () -> {
            FunctionPlan plan = planner.plan(target);
            return plan.changed() ? executor.apply(plan, false) : Applied.unchanged(plan);
        });
    }

    /**
     * apply: holds the lock of every function of the plan, observes each again and applies nothing at all
     * if anything differs from what the plan observed ({@link StalePlanException} says what); then carries
     * out the planned changes with the observed RevisionIds as preconditions.
     */
    public List<Applied> apply(Plan plan) {
        List<String> functions = plan.functions().stream().map(FunctionPlan::function).sorted().distinct().toList();
        return holdingAll(functions, () -> {
            List<FunctionPlan> fresh = new ArrayList<>();
            for (FunctionPlan recorded : plan.functions()) {
                fresh.add(verified(recorded, planner.plan(current(recorded.target()))));
            }
            List<Applied> applied = new ArrayList<>();
            for (FunctionPlan p : fresh) {
                applied.add(p.changed() ? executor.apply(p, true) : Applied.unchanged(p));
            }
            return applied;
        });
    }

    /** The target with its S3 package looked up again, so a changed object shows as a changed observation. */
    private Target current(Target planned) {
        if (planned.s3().isEmpty()) {
            return planned;
        }
        ResolvedPackage p = planned.s3().get();
        try {
            return planned.withPackage(packages.resolve(planned.function(), p.requested(), events));
        } catch (ResourceNotFoundException gone) {
            throw StalePlanException.changed(Planner.packageResource(p), Planner.packageObserved(p), "absent");
        }
    }

    /** The plan as observed now, when it observed the same as {@code recorded}; else stale. */
    private static FunctionPlan verified(FunctionPlan recorded, FunctionPlan now) {
        for (Map.Entry<String, String> was : recorded.observed().entrySet()) {
            String is = now.observed().getOrDefault(was.getKey(), "absent");
            if (!is.equals(was.getValue())) {
                throw StalePlanException.changed(was.getKey(), was.getValue(), is);
            }
        }
        if (!now.lines().equals(recorded.lines())) {
            // the same observations and target give the same changes, unless lambdoku itself changed in between
            throw new StalePlanException("Plan is stale: planning " + recorded.function() + " again gives other changes ("
                    + String.join("; ", now.lines()) + "); run 'lambdoku plan' again.");
        }
        return now;
    }

    /** Locks in name order, so two applies of overlapping plans cannot each hold what the other waits for. */
    private <T> T holdingAll(List<String> functions, Supplier<T> work) {
        if (functions.isEmpty()) {
            return work.get();
        }
        return guard.holding(functions.get(0), "apply", () -> holdingAll(functions.subList(1, functions.size()), work));
    }
}
