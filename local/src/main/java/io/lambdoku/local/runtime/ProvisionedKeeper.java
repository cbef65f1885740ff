package io.lambdoku.local.runtime;

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
            WarmPools.Key key = new WarmPools.Key(d.function(), d.qualifier());
            Optional<FunctionConfig> config = version(d);
            if (config.isEmpty()) {
                continue; // deleted since it was read: the next pass no longer sees it
            }
            kept.add(key);
            WarmPools.State s = pools.keep(key, config.get(), d.modified(), d.requested());
            Status status = s.failure().isPresent() ? Status.FAILED
                    : s.allocated() >= d.requested() ? Status.READY : Status.IN_PROGRESS;
            Report report = new Report(s.version(), s.allocated(), s.available(), status, s.failure());
            String stamp = d.modified() + report;
            if (!stamp.equals(reported.get(key)) || !d.owner().equals(Optional.of(owner))) {
                if (configs.report(d, owner, report)) {
                    reported.put(key, stamp);
                }
            }
        }
        pools.retain(kept);
        reported.keySet().retainAll(kept);
    }

    /** The version a config's environments run: an alias's primary version now, or the version itself. */
    private Optional<FunctionConfig> version(Desire d) {
        try {
            String version = d.qualifier().matches("[0-9]+") ? d.qualifier()
                    : lambda.getAlias(d.function(), d.qualifier()).functionVersion();
            return Optional.of(lambda.getFunction(d.function(), version));
        } catch (LambdaException e) {
            return Optional.empty();
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
