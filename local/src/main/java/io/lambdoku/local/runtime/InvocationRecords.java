package io.lambdoku.local.runtime;

import io.lambdoku.local.logs.LogRetention;
import io.lambdoku.local.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes each invocation and the log lines it printed into the store, for 'logs' and 'metrics'.
 * A writer thread commits them in batches, off the invocation's path; {@link #close} writes what is
 * left, so an invoker closed normally loses none.
 */
final class InvocationRecords implements AutoCloseable {

    record Invocation(String function, String version, String qualifier, String requestId, long startedMs, double durationMs,
                      double initMs, boolean error, boolean throttled, String stream, List<String> lines) {
    }

    private static final Invocation STOP = new Invocation("", "", "", "", 0, 0, 0, false, false, "", List.of());

    private final Database db;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>(100_000);
    private final Thread writer;
    private final java.util.concurrent.atomic.AtomicInteger unwritten = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();

    InvocationRecords(Database db) {
        this.db = db;
        this.writer = new Thread(this::drain, "lambdoku-invocation-records");
        writer.setDaemon(true);
        writer.start();
    }

    void record(Invocation invocation) {
        unwritten.incrementAndGet();
        try {
            queue.put(invocation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(List.of(invocation));
        }
    }

    private void drain() {
        List<Invocation> batch = new ArrayList<>();
        try {
            while (true) {
                Invocation first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 999);
                boolean stop = batch.remove(STOP);
                write(batch);
                unwritten.addAndGet(-batch.size());
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A batch that cannot be written (a full disk) is dropped and its failure kept for {@link #close},
     * so the writer goes on with the next batches instead of dying with the first.
     */
    private void write(List<Invocation> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            db.write(c -> {
                insert(c, batch);
                enforceRetention(c, batch);
                return null;
            });
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Each function's log group counts what it got and drops what its retention no longer keeps. */
    private static void enforceRetention(Connection c, List<Invocation> batch) throws SQLException {
        Map<String, Long> bytes = new HashMap<>();
        for (Invocation i : batch) {
            long sum = 0;
            for (String line : i.lines()) {
                sum += LogTail.utf8Length(line);
            }
            bytes.merge(i.function(), sum, Long::sum);
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Long> e : bytes.entrySet()) {
            LogRetention.recorded(c, e.getKey(), e.getValue(), now);
        }
    }

    private static void insert(Connection c, List<Invocation> batch) throws SQLException {
        try (PreparedStatement inv = c.prepareStatement("INSERT INTO invocations(function, version, qualifier, request_id,"
                + " started, duration_ms, init_ms, error, throttled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement log = c.prepareStatement("INSERT INTO log_events(function, stream, at, message) VALUES (?, ?, ?, ?)")) {
            for (Invocation i : batch) {
                inv.setString(1, i.function());
                inv.setString(2, i.version());
                inv.setString(3, i.qualifier());
                inv.setString(4, i.requestId());
                inv.setLong(5, i.startedMs());
                inv.setDouble(6, i.durationMs());
                inv.setDouble(7, i.initMs());
                inv.setInt(8, i.error() ? 1 : 0);
                inv.setInt(9, i.throttled() ? 1 : 0);
                inv.addBatch();
                for (String line : i.lines()) {
                    log.setString(1, i.function());
                    log.setString(2, i.stream());
                    log.setLong(3, i.startedMs());
                    log.setString(4, line);
                    log.addBatch();
                }
            }
            inv.executeBatch();
            log.executeBatch();
        }
    }

    /** Returns once every record made so far is in the store. */
    void flush() {
        long until = System.currentTimeMillis() + 60_000;
        while (unwritten.get() > 0 && writer.isAlive() && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What kept records from being written (a full disk), if anything did. */
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Writes every record still queued, then stops the writer. */
    @Override
    public void close() {
        try {
            queue.put(STOP);
            writer.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
