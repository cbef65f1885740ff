package io.lambdoku.local.runtime;

import io.lambdoku.core.lambda.FunctionConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The provisioned environments of one process: per config (a function's alias or version), environments started
 * and initialised ahead of any invocation, handed out before on-demand ones and never retired for idleness. The
 * keeper says how many each config wants; invocations borrow and give back.
 */
final class WarmPools implements AutoCloseable {

    /** The environments of one provisioned concurrency config on one version (a weighted alias has two). */
    record Key(String function, String qualifier, String version) {
    }

    /** What a pool has now: the version it runs, environments initialised and free, or why an init failed. */
    record State(String version, int allocated, int available, Optional<String> failure) {
    }

    /** An environment borrowed from a pool, to give back with {@link #giveBack}. */
    record Lease(Pool pool, Environment env) {
    }

    static final class Pool {
        private final String stamp;
        private final FunctionConfig config;
        private final Deque<Environment> idle = new ArrayDeque<>();
        private int busy;
        private int starting;
        private Optional<String> failure = Optional.empty();
        private boolean closed;

        private Pool(String stamp, FunctionConfig config) {
            this.stamp = stamp;
            this.config = config;
        }
    }

    private final Map<Key, Pool> pools = new HashMap<>();
    private final Function<FunctionConfig, Environment> starter;
    private final ExecutorService starts = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambdoku-provisioning");
        t.setDaemon(true);
        return t;
    });

    /** {@code starter} starts a provisioned environment of a version (not yet initialised). */
    WarmPools(Function<FunctionConfig, Environment> starter) {
        this.starter = starter;
    }

    /**
     * Makes the pool of {@code key} run {@code config} (its version) with {@code requested} environments: new code or
     * {@code generation} (the config was put again) replaces the pool, stopping the old environments; missing ones
     * are started in the background, surplus idle ones stopped. A pool whose init failed starts no more until replaced.
     */
    synchronized State keep(Key key, FunctionConfig config, String generation, int requested) {
        String stamp = config.codeSha256() + "\n" + config.settings().hashCode() + "\n" + generation;
        Pool pool = pools.get(key);
        if (pool == null || !pool.stamp.equals(stamp)) {
            if (pool != null) {
                stop(pool);
            }
            pool = new Pool(stamp, config);
            pools.put(key, pool);
        }
        pool.idle.removeIf(env -> !env.usable() && closed(env));
        while (pool.idle.size() + pool.busy + pool.starting > requested && !pool.idle.isEmpty()) {
            pool.idle.pollLast().close();
        }
        if (pool.failure.isEmpty()) {
            for (int have = pool.idle.size() + pool.busy + pool.starting; have < requested; have++) {
                Pool starting = pool;
                pool.starting++;
                starts.execute(() -> startOne(starting));
            }
        }
        return new State(config.version(), Math.min(requested, pool.idle.size() + pool.busy), pool.idle.size(), pool.failure);
    }

    private void startOne(Pool pool) {
        Environment env = null;
        Optional<String> failure;
        try {
            env = starter.apply(pool.config);
            failure = env.awaitInit(Math.max(10, pool.config.settings().timeout()) * 1000L);
        } catch (RuntimeException e) {
            failure = Optional.of("The environment could not be started: " + e.getMessage());
        }
        synchronized (this) {
            pool.starting--;
            if (failure.isPresent()) {
                if (pool.failure.isEmpty()) {
                    pool.failure = failure;
                }
            } else if (pool.closed) {
                env.close();
            } else {
                pool.idle.addLast(env);
            }
        }
    }

    /** Stops the pools of every config not in {@code keys} (deleted, or kept by another process now). */
    synchronized void retain(Set<Key> keys) {
        for (Iterator<Map.Entry<Key, Pool>> it = pools.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Pool> e = it.next();
            if (!keys.contains(e.getKey())) {
                stop(e.getValue());
                it.remove();
            }
        }
    }

    /** An initialised, free environment of a pool running {@code config} (its version and code), if any. */
    synchronized Optional<Lease> take(FunctionConfig config) {
        for (Map.Entry<Key, Pool> e : pools.entrySet()) {
            Pool pool = e.getValue();
            if (!e.getKey().function().equals(config.name()) || !pool.config.version().equals(config.version())
                    || !pool.config.codeSha256().equals(config.codeSha256())) {
                continue;
            }
            while (!pool.idle.isEmpty()) {
                Environment env = pool.idle.pollFirst();
                if (env.usable()) {
                    pool.busy++;
                    return Optional.of(new Lease(pool, env));
                }
                env.close();
            }
        }
        return Optional.empty();
    }

    /** Returns a borrowed environment; null when it was lost (a timeout, a crash): the keeper starts another. */
    synchronized void giveBack(Lease lease, Environment env) {
        lease.pool().busy--;
        if (env == null) {
            return;
        }
        if (lease.pool().closed || !env.usable()) {
            env.close();
        } else {
            lease.pool().idle.addFirst(env);
        }
    }

    private static void stop(Pool pool) {
        pool.closed = true;
        pool.idle.forEach(Environment::close);
        pool.idle.clear();
    }

    private static boolean closed(Environment env) {
        env.close();
        return true;
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(WarmPools::stop);
        pools.clear();
        starts.shutdownNow();
    }
}
