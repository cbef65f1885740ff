package io.lambdoku.cli.dashboard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads from the backend with a time limit, so a slow AWS call shows as "… timed out" in its place on the
 * page instead of holding the page. A call that overran keeps its thread until it ends; the page does not wait.
 */
public final class Fetch implements AutoCloseable {

    private final Duration limit;
    private final ExecutorService pool;

    public Fetch(Duration limit) {
        this.limit = limit;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambdoku-dashboard-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Duration limit() {
        return limit;
    }

    /** The value, or why there is none: {@code what} names the data in the sentence ("Releases timed out after 3 s."). */
    public <T> Fetched<T> get(String what, Callable<T> call) {
        return await(what, pool.submit(call), limit.toNanos());
    }

    /**
     * Starts {@code call} now; the answer's {@code get()} waits what is left of the time limit, so reads a page starts
     * together take one limit between them, not one each.
     */
    public <T> java.util.function.Supplier<Fetched<T>> start(String what, Callable<T> call) {
        Future<T> f = pool.submit(call);
        long deadline = System.nanoTime() + limit.toNanos();
        return () -> await(what, f, Math.max(0, deadline - System.nanoTime()));
    }

    private <T> Fetched<T> await(String what, Future<T> f, long nanos) {
        try {
            return new Fetched<>(Optional.of(f.get(nanos, TimeUnit.NANOSECONDS)), Optional.empty());
        } catch (TimeoutException e) {
            // not cancelled: what it reads may fill a cache (ReleaseCache) for the next page, and the SDK's and
            // SQLite's calls do not stop on interrupt anyway
            return Fetched.problem(what + " timed out after " + limit.toSeconds() + " s.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Fetched.problem("Could not read " + what.toLowerCase(java.util.Locale.ROOT) + ": "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Fetched.problem(what + " was interrupted.");
        }
    }

    /**
     * {@code read} of every key in parallel, all within one time limit: a key whose read overran or failed gets its
     * sentence, the others their values. In the keys' order.
     */
    public <K, T> Map<K, Fetched<T>> each(String what, List<K> keys, Function<K, T> read) {
        Map<K, Future<T>> running = new LinkedHashMap<>();
        keys.forEach(k -> running.put(k, pool.submit(() -> read.apply(k))));
        long deadline = System.nanoTime() + limit.toNanos();
        Map<K, Fetched<T>> results = new LinkedHashMap<>();
        running.forEach((k, f) -> results.put(k, await(what, f, Math.max(0, deadline - System.nanoTime()))));
        return results;
    }

    /** Runs {@code work} on this pool, unwaited: for reads that only fill caches. Its failure is a cache left cold. */
    void background(Runnable work) {
        pool.submit(work);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A value, or one sentence saying why there is none. */
    public record Fetched<T>(Optional<T> value, Optional<String> problem) {

        static <T> Fetched<T> problem(String sentence) {
            return new Fetched<>(Optional.empty(), Optional.of(sentence));
        }
    }
}
