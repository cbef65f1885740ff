package io.lambdoku.local.runtime;

import io.lambdoku.local.store.Database;
import java.sql.PreparedStatement;
import java.util.List;

/** Writes each invocation and the log lines it printed into the store, for 'logs' and 'metrics'. */
final class InvocationRecords {

    private final Database db;

    InvocationRecords(Database db) {
        this.db = db;
    }

    void record(String function, String version, String qualifier, String requestId, long startedMs, double durationMs,
                double initMs, boolean error, boolean throttled, String stream, List<String> lines) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO invocations(function, version, qualifier, request_id,"
                    + " started, duration_ms, init_ms, error, throttled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, function);
                ps.setString(2, version);
                ps.setString(3, qualifier);
                ps.setString(4, requestId);
                ps.setLong(5, startedMs);
                ps.setDouble(6, durationMs);
                ps.setDouble(7, initMs);
                ps.setInt(8, error ? 1 : 0);
                ps.setInt(9, throttled ? 1 : 0);
                ps.executeUpdate();
            }
            if (!lines.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO log_events(function, stream, at, message) VALUES (?, ?, ?, ?)")) {
                    long at = startedMs;
                    for (String line : lines) {
                        ps.setString(1, function);
                        ps.setString(2, stream);
                        ps.setLong(3, at);
                        ps.setString(4, line);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }
}
