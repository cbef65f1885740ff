package io.lambdoku.local.infra;

import io.lambdoku.core.infra.MetricSample;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.time.Instant;
import java.util.List;

/**
 * A function's AWS/Lambda metrics as samples, from the store's invocation records: each invocation that
 * ran gives an Errors sample (0 or 1), an Invocations sample (1) and a Duration sample (ms); each attempt,
 * throttled or not, a Throttles sample (0 or 1).
 */
final class MetricSamples {

    private final Database db;

    MetricSamples(Database db) {
        this.db = db;
    }

    List<MetricSample> since(String function, String metric, Instant from) {
        String value = switch (metric) {
            case "Errors" -> "error";
            case "Invocations" -> "1";
            case "Duration" -> "duration_ms";
            default -> "throttled";
        };
        String ran = metric.equals("Throttles") ? "" : " AND throttled = 0";
        return db.read(c -> Sql.query(c, rs -> new MetricSample(Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2)),
                "SELECT started, " + value + " FROM invocations WHERE function = ? AND started >= ?" + ran + " ORDER BY started",
                function, from.toEpochMilli()));
    }
}
