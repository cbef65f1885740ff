package io.lambdoku.local.runtime;

import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.ProvisionedConcurrency.Status;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalProvisioned;
import io.lambdoku.local.LocalProvisioned.Desire;
import io.lambdoku.local.LocalProvisioned.Report;
import io.lambdoku.local.ProcessOwner;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the provisioned concurrency configs of a store true in one long-running process ('local serve', the
 * reactor): every {@link #PERIOD_MS} it reads the configs, makes the invoker's pools match them (an alias that moved
 * gets a pool of its new version), and reports what is initialised, as this process. Level-triggered, so a config
 * put, changed or deleted by any process is seen at the next pass; a config another live process keeps is left to it.
 */
public final class ProvisionedKeeper implements AutoCloseable {

    static final long PERIOD_MS = 500;

    private final LocalLambda lambda;
    private final WarmPools pools;
    private final String owner = ProcessOwner.current();
    private final Map<WarmPools.Key, String> reported = new HashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lambdoku-provisioned-keeper");
        t.setDaemon(true);
        return t;
    });

    private ProvisionedKeeper(LocalLambda lambda, LocalInvoker invoker) {
        this.lambda = lambda;
        this.pools = invoker.pools();
    }

    /** Starts keeping the store's configs in {@code invoker}'s environments, until closed. */
    public static ProvisionedKeeper start(LocalLambda lambda, LocalInvoker invoker) {
        ProvisionedKeeper keeper = new ProvisionedKeeper(lambda, invoker);
        keeper.loop.scheduleWithFixedDelay(keeper::pass, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return keeper;
    }

    private void pass() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // the store was busy or closing: the next pass reads it again
        }
    }

    /** One pass: every config this process may keep is made true and reported; pools of the others are stopped. */
    void reconcile() {
        LocalProvisioned configs = lambda.provisioned();
        Set<WarmPools.Key> kept = new HashSet<>();
        for (Desire d : configs.desired()) {
            if (d.owner().isPresent() && !d.owner().get().equals(owner) && ProcessOwner.alive(d.owner().get())) {
                continue;
            }
            Map<FunctionConfig, Integer> split = split(d);
            if (split.isEmpty()) {
                continue; // deleted since it was read: the next pass no longer sees it
            }
            int allocated = 0;
            int available = 0;
            Optional<String> failure = Optional.empty();
            for (Map.Entry<FunctionConfig, Integer> part : split.entrySet()) {
                WarmPools.Key key = new WarmPools.Key(d.function(), d.qualifier(), part.getKey().version());
                kept.add(key);
                WarmPools.State s = pools.keep(key, part.getKey(), d.modified(), part.getValue());
                allocated += s.allocated();
                available += s.available();
                failure = failure.or(s::failure);
            }
            Status status = failure.isPresent() ? Status.FAILED
                    : allocated >= d.requested() ? Status.READY : Status.IN_PROGRESS;
            String primary = split.keySet().iterator().next().version();
            Report report = new Report(primary, allocated, available, status, failure);
            WarmPools.Key key = new WarmPools.Key(d.function(), d.qualifier(), "");
            String stamp = d.modified() + report;
            if (!stamp.equals(reported.get(key)) || !d.owner().equals(Optional.of(owner))) {
                if (configs.report(d, owner, report)) {
                    reported.put(key, stamp);
                }
            }
        }
        pools.retain(kept);
        reported.keySet().removeIf(k -> kept.stream().noneMatch(p -> p.function().equals(k.function())
                && p.qualifier().equals(k.qualifier())));
    }

    /**
     * The versions a config's environments run and how many each, primary first: a version's own; an alias's version,
     * or with a weighted extra version both, the environments split by the weights as Lambda splits them. Empty when
     * the alias or version is gone.
     */
    private Map<FunctionConfig, Integer> split(Desire d) {
        Map<FunctionConfig, Integer> split = new LinkedHashMap<>();
        try {
            if (d.qualifier().matches("[0-9]+")) {
                split.put(lambda.getFunction(d.function(), d.qualifier()), d.requested());
                return split;
            }
            Alias alias = lambda.getAlias(d.function(), d.qualifier());
            int extra = alias.additionalVersion().map(w -> (int) Math.round(d.requested() * w.weight())).orElse(0);
            split.put(lambda.getFunction(d.function(), alias.functionVersion()), d.requested() - extra);
            if (extra > 0) {
                split.put(lambda.getFunction(d.function(), alias.additionalVersion().get().version()), extra);
            }
            return split;
        } catch (LambdaException e) {
            return Map.of();
        }
    }

    /** Stops keeping: the configs read IN_PROGRESS until another process keeps them. The invoker stops the environments. */
    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pools.retain(Set.of());
        try {
            lambda.provisioned().abandon(owner);
        } catch (RuntimeException e) {
            // the store is closing too: a dead owner's configs read IN_PROGRESS anyway
        }
    }
}
