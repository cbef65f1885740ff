package io.lambdoku.core.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** A folder of functions worked on {@code parallel} at a time; one function failing does not stop the others. */
public final class Parallel {

    /** One folder's outcome: its value, or why it failed. */
    public record Attempt<T>(Path dir, Optional<T> value, Optional<RuntimeException> failure) {
    }

    private Parallel() {
    }

    public static <T> List<Attempt<T>> each(List<Path> dirs, int parallel, Function<Path, T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, dirs.size())));
        try {
            List<Future<T>> jobs = new ArrayList<>();
            dirs.forEach(dir -> jobs.add(pool.submit(() -> work.apply(dir))));
            List<Attempt<T>> out = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                out.add(attempt(dirs.get(i), jobs.get(i)));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static <T> Attempt<T> attempt(Path dir, Future<T> job) {
        try {
            return new Attempt<>(dir, Optional.of(job.get()), Optional.empty());
        } catch (ExecutionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            return new Attempt<>(dir, Optional.empty(), Optional.of(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt<>(dir, Optional.empty(), Optional.of(new IllegalStateException("interrupted", e)));
        }
    }
}
