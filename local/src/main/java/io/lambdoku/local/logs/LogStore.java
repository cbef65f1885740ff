package io.lambdoku.local.logs;

import io.lambdoku.local.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log lines functions printed, as the invocation records keep them (table log_events: one row per
 * line, its function, the execution environment's stream and the invocation's start time), read as
 * CloudWatch Logs groups {@code /aws/lambda/NAME} and their streams.
 */
final class LogStore {

    record StoredEvent(long id, long at, String stream, String message) {
    }

    record StreamSummary(String name, long firstAt, long lastAt) {
    }

    record GroupSummary(String function, long createdAt) {
    }

    /** Which events of one function's group to read: a time window and a choice of streams. */
    record Selection(String function, long startTime, long endTime, List<String> streams, Optional<String> streamPrefix) {
        Selection {
            streams = List.copyOf(streams);
        }
    }

    /** Called for each event in order; returns false to stop reading. */
    interface EventVisitor {
        boolean visit(StoredEvent event);
    }

    private final Database db;

    LogStore(Database db) {
        this.db = db;
    }

    /** Like Lambda, a function's group exists once it has printed something, and outlives the function. */
    boolean groupExists(String function) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM log_events WHERE function = ? LIMIT 1")) {
                ps.setString(1, function);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    List<GroupSummary> groups() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT function, MIN(at) FROM log_events GROUP BY function ORDER BY function")) {
                List<GroupSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new GroupSummary(rs.getString(1), rs.getLong(2)));
                    }
                }
                return out;
            }
        });
    }

    List<StreamSummary> streams(String function) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT stream, MIN(at), MAX(at) FROM log_events"
                    + " WHERE function = ? GROUP BY stream ORDER BY stream")) {
                ps.setString(1, function);
                List<StreamSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StreamSummary(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Visits the selected events in (time, id) order, starting after {@code after} if given; the order
     * FilterLogEvents pages in, so a page's last event is where the next page starts.
     */
    void scan(Selection s, Optional<PageToken.Position> after, EventVisitor visitor) {
        StringBuilder sql = new StringBuilder("SELECT id, at, stream, message FROM log_events WHERE function = ? AND at >= ? AND at <= ?");
        List<Object> args = new ArrayList<>(List.of(s.function(), s.startTime(), s.endTime()));
        after.ifPresent(p -> {
            sql.append(" AND (at > ? OR (at = ? AND id > ?))");
            args.addAll(List.of(p.at(), p.at(), p.id()));
        });
        if (!s.streams().isEmpty()) {
            sql.append(" AND stream IN (").append("?, ".repeat(s.streams().size() - 1)).append("?)");
            args.addAll(s.streams());
        }
        s.streamPrefix().ifPresent(prefix -> {
            // substr rather than LIKE: stream names hold '[', '$' and '_' that LIKE would need escaped
            sql.append(" AND substr(stream, 1, ?) = ?");
            args.addAll(List.of(prefix.length(), prefix));
        });
        sql.append(" ORDER BY at, id");
        db.read(c -> {
            try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next() && visitor.visit(event(rs))) {
                    // the visitor decides when a page is full
                }
            }
            return null;
        });
    }

    /**
     * Up to {@code limit} events of one stream in [startTime, endTime], in the order they were printed:
     * the first ones after id {@code fromId} when {@code forward}, else the last ones before it.
     */
    List<StoredEvent> streamEvents(String function, String stream, long startTime, long endTime, long fromId,
                                   boolean forward, int limit) {
        String sql = "SELECT id, at, stream, message FROM log_events WHERE function = ? AND stream = ? AND at >= ? AND at <= ?"
                + (forward ? " AND id > ? ORDER BY id" : " AND id < ? ORDER BY id DESC") + " LIMIT ?";
        return db.read(c -> {
            List<StoredEvent> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, List.of(function, stream, startTime, endTime, fromId, limit));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(forward ? out.size() : 0, event(rs));
                }
            }
            return out;
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4));
    }
}
