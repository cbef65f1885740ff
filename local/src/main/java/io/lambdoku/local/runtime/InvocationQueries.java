package io.lambdoku.local.runtime;

import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.invoke.LogEvent;
import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.local.LocalLambda;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads back what {@link InvocationRecords} wrote: log events and per-minute metrics. */
public final class InvocationQueries implements FunctionTelemetry {

    private final LocalLambda lambda;

    public InvocationQueries(LocalLambda lambda) {
        this.lambda = lambda;
    }

    @Override
    public List<LogEvent> logs(String function, long sinceMs, Optional<String> filter, int limit) {
        lambda.getFunction(function, "$LATEST");
        return lambda.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(newestLogsSql(filter.isPresent()))) {
                int i = 1;
                ps.setString(i++, function);
                ps.setLong(i++, sinceMs);
                if (filter.isPresent()) {
                    ps.setString(i++, filter.get());
                }
                ps.setInt(i, limit);
                List<LogEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(0, new LogEvent(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
                return events;
            }
        });
    }

    /**
     * (at, id) is the order of the index log_events_by_time (function, at, rowid): read backwards from the
     * newest, the query stops after LIMIT rows. ORDER BY id alone sorted every row of the period first,
     * messages included: seconds for 'logs -n 5' after a function had printed a few hundred MB
     * (bench/results/store.md).
     */
    static String newestLogsSql(boolean filtered) {
        return "SELECT id, at, stream, message FROM log_events WHERE function = ? AND at >= ?"
                + (filtered ? " AND instr(message, ?) > 0" : "") + " ORDER BY at DESC, id DESC LIMIT ?";
    }

    @Override
    public List<MinuteMetrics> metrics(String function, long sinceMs, Optional<String> qualifier) {
        lambda.getFunction(function, "$LATEST");
        return lambda.database().read(c -> {
            String sql = "SELECT started / 60000 * 60000, version, duration_ms, error, throttled FROM invocations"
                    + " WHERE function = ? AND started >= ?" + (qualifier.isPresent() ? " AND (qualifier = ? OR version = ?)" : "")
                    + " ORDER BY 1, 2, 3";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, function);
                ps.setLong(2, sinceMs);
                if (qualifier.isPresent()) {
                    ps.setString(3, qualifier.get());
                    ps.setString(4, qualifier.get());
                }
                Map<String, List<double[]>> groups = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.computeIfAbsent(rs.getLong(1) + "\n" + rs.getString(2), k -> new ArrayList<>())
                                .add(new double[] {rs.getDouble(3), rs.getInt(4), rs.getInt(5)});
                    }
                }
                List<MinuteMetrics> out = new ArrayList<>();
                groups.forEach((k, rows) -> {
                    String[] parts = k.split("\n");
                    List<Double> durations = rows.stream().filter(r -> r[2] == 0).map(r -> r[0]).sorted().toList();
                    int throttles = (int) rows.stream().filter(r -> r[2] == 1).count();
                    int errors = (int) rows.stream().filter(r -> r[1] == 1).count();
                    double avg = durations.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                    out.add(new MinuteMetrics(Long.parseLong(parts[0]), parts[1], rows.size() - throttles, errors, throttles,
                            avg, Percentiles.nearestRank(durations, 0.50), Percentiles.nearestRank(durations, 0.99)));
                });
                return out;
            }
        });
    }
}
