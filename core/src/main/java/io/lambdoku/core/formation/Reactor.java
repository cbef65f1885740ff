package io.lambdoku.core.formation;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Makes the formation table true, until closed: every row is reconciled when the change feed names it and at
 * every resync, and so is every function the table manages (a row deleted while no reactor ran is noticed so).
 * Rows are reconciled by a small pool, never two reconciles of one row at once (a request meanwhile runs once
 * more after it); one row's failure is retried after its own delay (1 s … 5 min, back to 1 s when its desire
 * changes) and never holds up another row.
 */
public final class Reactor implements AutoCloseable {

    /** {@code resync}: how often everything is reconciled whatever the feed says; {@code workers}: rows at once. */
    public record Options(Duration resync, int workers, RetryDelay retry, Duration waitingRecheck) {
        public Options {
            if (resync.isNegative() || resync.isZero()) {
                throw new IllegalArgumentException("resync must be positive");
            }
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1");
            }
        }

        public static Options resyncEvery(Duration resync) {
            return new Options(resync, 4, RetryDelay.DEFAULT, Duration.ofSeconds(1));
        }
    }

    private final FormationStore store;
    private final Supplier<List<String>> functions;
    private final RowReconcile reconciler;
    private final ReactorEvents events;
    private final Options options;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Map<String, Slot> slots = new HashMap<>();
    private volatile boolean closed;

    /** One reconcile of one row by name: {@link Reconciler} is the real one. */
    public interface RowReconcile {
        Outcome reconcile(String name);
    }

    /** The reactor of {@code api}'s functions: every one is looked at in a resync, in case it is ours and rowless. */
    public static Reactor of(FormationStore store, LambdaApi api, RowReconcile reconciler, ReactorEvents events,
                             Options options) {
        return new Reactor(store, () -> api.listFunctions().stream().map(FunctionConfig::name).toList(), reconciler,
                events, options);
    }

    /** {@code functions}: the names of the backend's functions, asked at each resync. */
    public Reactor(FormationStore store, Supplier<List<String>> functions, RowReconcile reconciler, ReactorEvents events,
                   Options options) {
        this.store = store;
        this.functions = functions;
        this.reconciler = reconciler;
        this.events = events;
        this.options = options;
        this.workers = Executors.newFixedThreadPool(options.workers(), daemon("lambdoku-reactor"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("lambdoku-reactor-timer"));
    }

    /**
     * Runs until {@link #close()} or an interrupt: the feed's names as they come, everything at each resync. A feed
     * that fails (throttled, a busy store) is told to the events, closed, and opened again after a back-off; a resync
     * right after covers whatever it missed meanwhile.
     */
    public void run() {
        FormationChanges feed = null;
        int feedFailures = 0;
        try {
            long nextResync = System.nanoTime(); // nanoTime's origin is arbitrary (it may be negative): now, not 0
            while (!closed && !Thread.currentThread().isInterrupted()) {
                try {
                    if (feed == null) {
                        feed = store.changes();
                    }
                    long now = System.nanoTime();
                    if (now - nextResync >= 0) {
                        resync();
                        nextResync = now + options.resync().toNanos();
                    }
                    Duration wait = Duration.ofNanos(Math.max(1, Math.min(nextResync - System.nanoTime(),
                            Duration.ofSeconds(1).toNanos())));
                    feed.poll(wait).forEach(this::request);
                    feedFailures = 0;
                } catch (RuntimeException e) {
                    closeQuietly(feed);
                    feed = null;
                    Duration d = options.retry().after(++feedFailures);
                    events.action("-", "error", "The change feed of " + store.describe() + " failed: " + Reconciler.sentence(e)
                            + " Opening it again in " + d.toMillis() / 1000.0 + " s.");
                    pauseUnlessClosed(d);
                    nextResync = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(feed);
            close();
        }
    }

    private static void closeQuietly(FormationChanges feed) {
        if (feed == null) {
            return;
        }
        try {
            feed.close();
        } catch (RuntimeException e) {
            // a broken feed may fail to close too; a new one is opened anyway
        }
    }

    /** Sleeps {@code d} in short steps, so a close meanwhile ends the loop soon, not after a back-off of minutes. */
    private void pauseUnlessClosed(Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        while (!closed && end - System.nanoTime() > 0) {
            Thread.sleep(Math.max(1, Math.min(100, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Every row, and every function this table manages, is reconciled once more. */
    public void resync() {
        Set<String> names = new LinkedHashSet<>();
        try {
            store.list().forEach(r -> names.add(r.name()));
        } catch (RuntimeException e) {
            events.action("-", "error", "Cannot list " + store.describe() + ": " + Reconciler.sentence(e));
            return;
        }
        try {
            functions.get().stream().filter(n -> !names.contains(n)).forEach(names::add);
        } catch (RuntimeException e) {
            events.action("-", "error", "Cannot list functions: " + Reconciler.sentence(e));
        }
        names.forEach(n -> request(n, false));
    }

    /**
     * Reconciles {@code name} soon: now if no reconcile of it runs, else once more right after the one running. A
     * change to the row comes here, and may be a new desire, so a failed row's wait for its retry is cut short.
     */
    public void request(String name) {
        request(name, true);
    }

    /** {@code cutRetryShort}: false for a resync, which leaves a failed row to its retry delay (1 s … 5 min). */
    private void request(String name, boolean cutRetryShort) {
        synchronized (slots) {
            if (closed) {
                return;
            }
            Slot s = slots.computeIfAbsent(name, n -> new Slot());
            if (!cutRetryShort && s.retry != null && !s.retry.isDone()) {
                return;
            }
            if (s.running) {
                s.again = true;
                return;
            }
            if (s.retry != null) {
                s.retry.cancel(false);
                s.retry = null;
            }
            s.running = true;
            workers.execute(() -> work(name, s));
        }
    }

    private void work(String name, Slot s) {
        Outcome outcome;
        try {
            outcome = reconciler.reconcile(name);
        } catch (RuntimeException e) {
            // the reconciler reports its failures; this is a bug or a store that cannot be read
            outcome = Outcome.failed(-1, Reconciler.sentence(e));
            events.action(name, "error", outcome.reason());
        }
        synchronized (slots) {
            s.running = false;
            if (closed) {
                return;
            }
            Duration later = next(name, s, outcome);
            if (s.again || later == null && outcome.kind() == Outcome.Kind.AGAIN) {
                s.again = false;
                request(name);
            } else if (later != null) {
                s.retry = timers.schedule(() -> request(name), later.toMillis(), TimeUnit.MILLISECONDS);
            } else if (outcome.kind() == Outcome.Kind.GONE) {
                slots.remove(name);
            }
        }
    }

    /** When to look at the row again on our own (null: at the next change or resync). */
    private Duration next(String name, Slot s, Outcome outcome) {
        if (outcome.generation() != s.generation) {
            s.failures = 0; // a changed desire starts the retry count again
            s.generation = outcome.generation();
        }
        switch (outcome.kind()) {
            case FAILED -> {
                s.failures++;
                Duration d = options.retry().after(s.failures);
                events.action(name, "retry", "in " + d.toMillis() / 1000.0 + " s: " + outcome.reason());
                return d;
            }
            case WAITING -> {
                return options.waitingRecheck();
            }
            default -> {
                s.failures = 0;
                return null;
            }
        }
    }

    /** Whether a retry (or recheck) of {@code name} is scheduled and no reconcile of it runs: for tests. */
    boolean retryPending(String name) {
        synchronized (slots) {
            Slot s = slots.get(name);
            return s != null && !s.running && s.retry != null && !s.retry.isDone();
        }
    }

    @Override
    public void close() {
        synchronized (slots) {
            if (closed) {
                return;
            }
            closed = true;
        }
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** One row's scheduling state. */
    private static final class Slot {
        boolean running;
        boolean again;
        ScheduledFuture<?> retry;
        int failures;
        long generation = Long.MIN_VALUE;
    }
}
