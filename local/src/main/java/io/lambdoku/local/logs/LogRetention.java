package io.lambdoku.local.logs;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * How long and how much of a function's log the local store keeps: its log group's retention, as
 * CloudWatch Logs has one per group ({@code /aws/lambda/NAME}), and a size cap CloudWatch does not need.
 *
 * <p>CloudWatch's default is to keep logs forever and bill for them. A local store lives on a laptop's
 * disk, so its default is {@value #DEFAULT_DAYS} days (CloudWatch's own "1 month" value, long enough to look
 * back at last month's runs) and at most {@value #DEFAULT_MAX_MB} MB per function (about a hundred
 * invocations printing the per-invocation maximum, or a million ordinary lines; a scan of that stays
 * well under a second). Both apply to the log lines; the age limit also to the invocation records
 * behind 'metrics'. They are enforced as records are written, by 'logs:retention' and by 'gc'.
 */
public final class LogRetention {

    public static final int DEFAULT_DAYS = 30;
    public static final long DEFAULT_MAX_MB = 100;
    /** The values CloudWatch's PutRetentionPolicy accepts, in days. */
    public static final List<Integer> CLOUDWATCH_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final long MB = 1024 * 1024;
    private static final long DAY_MS = 24L * 60 * 60 * 1000;
    private static final String BYTES = "length(CAST(message AS BLOB))";

    /** A group's settings and size. {@code days} empty: never expire. */
    public record Policy(String function, Optional<Integer> days, long maxBytes, long storedBytes, boolean defaults) {
    }

    /** What enforcing a policy deleted. */
    public record Trimmed(long logEvents, long logBytes, long invocations) {

        public static final Trimmed NONE = new Trimmed(0, 0, 0);

        public Trimmed plus(Trimmed other) {
            return new Trimmed(logEvents + other.logEvents, logBytes + other.logBytes, invocations + other.invocations);
        }
    }

    private final Database db;

    public LogRetention(Database db) {
        this.db = db;
    }

    public Policy policy(String function) {
        return db.read(c -> policy(c, function));
    }

    /**
     * Sets the retention ({@code days} 0 = never expire) and/or the size cap of one function's group, and
     * applies them at once. CloudWatch accepts only certain day counts; so does this.
     */
    public Trimmed set(String function, Optional<Integer> days, Optional<Long> maxMb, long nowMs) {
        days.ifPresent(LogRetention::checkDays);
        maxMb.ifPresent(mb -> {
            if (mb < 1 || mb > 1024 * 1024) {
                throw new InvalidParameterException("The size cap of a log group is between 1 MB and 1 TB, not " + mb + " MB.");
            }
        });
        return db.write(c -> {
            execute(c, "INSERT OR IGNORE INTO log_groups(function) VALUES (?)", function);
            if (days.isPresent()) {
                execute(c, "UPDATE log_groups SET retention_days = ? WHERE function = ?", days.get(), function);
            }
            if (maxMb.isPresent()) {
                execute(c, "UPDATE log_groups SET max_bytes = ? WHERE function = ?", maxMb.get() * MB, function);
            }
            return enforce(c, function, nowMs);
        });
    }

    private static void checkDays(int days) {
        if (days != 0 && !CLOUDWATCH_DAYS.contains(days)) {
            throw new InvalidParameterException("A log group keeps its events for one of CloudWatch's retention periods, "
                    + CLOUDWATCH_DAYS + " days, or 'never' expires them; " + days + " is not one.");
        }
    }

    /**
     * Counts what an invocation batch added to {@code function}'s group and enforces its policy, in the
     * writer's transaction: one upsert and two index seeks when nothing is due.
     */
    public static Trimmed recorded(Connection c, String function, long bytes, long nowMs) throws SQLException {
        execute(c, "INSERT INTO log_groups(function, stored_bytes) VALUES (?, ?)"
                + " ON CONFLICT(function) DO UPDATE SET stored_bytes = stored_bytes + excluded.stored_bytes", function, bytes);
        return enforce(c, function, nowMs);
    }

    /** Deletes what is older than the group's retention, then its oldest lines while it is over its size cap. */
    public static Trimmed enforce(Connection c, String function, long nowMs) throws SQLException {
        Policy p = policy(c, function);
        Trimmed trimmed = Trimmed.NONE;
        if (p.days().isPresent()) {
            trimmed = expire(c, function, nowMs - p.days().get() * DAY_MS);
        }
        if (p.storedBytes() - trimmed.logBytes() > p.maxBytes()) {
            trimmed = trimmed.plus(shrink(c, function, p.maxBytes() / 4 * 3));
        }
        return trimmed;
    }

    private static Trimmed expire(Connection c, String function, long beforeMs) throws SQLException {
        long events;
        long bytes;
        try (PreparedStatement ps = prepare(c, "SELECT count(*), coalesce(sum(" + BYTES + "), 0) FROM log_events"
                + " WHERE function = ? AND at < ?", function, beforeMs); ResultSet rs = ps.executeQuery()) {
            events = rs.getLong(1);
            bytes = rs.getLong(2);
        }
        if (events > 0) {
            execute(c, "DELETE FROM log_events WHERE function = ? AND at < ?", function, beforeMs);
            execute(c, "UPDATE log_groups SET stored_bytes = max(0, stored_bytes - ?) WHERE function = ?", bytes, function);
        }
        long invocations = execute(c, "DELETE FROM invocations WHERE function = ? AND started < ?", function, beforeMs);
        return new Trimmed(events, bytes, invocations);
    }

    /**
     * Deletes the oldest lines until the group holds at most {@code target} bytes. The target is three
     * quarters of the cap, so this (a scan of the group) runs once per quarter of the cap written, not
     * after every invocation once the cap is reached.
     */
    private static Trimmed shrink(Connection c, String function, long target) throws SQLException {
        long at;
        long id;
        long kept;
        try (PreparedStatement ps = prepare(c, "SELECT at, id, newer - bytes FROM (SELECT at, id, " + BYTES + " AS bytes,"
                + " sum(" + BYTES + ") OVER (ORDER BY at DESC, id DESC ROWS UNBOUNDED PRECEDING) AS newer"
                + " FROM log_events WHERE function = ?) WHERE newer > ? ORDER BY at DESC, id DESC LIMIT 1", function, target);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                execute(c, "UPDATE log_groups SET stored_bytes = (SELECT coalesce(sum(" + BYTES + "), 0) FROM log_events"
                        + " WHERE function = ?) WHERE function = ?", function, function);
                return Trimmed.NONE; // the count had drifted above what the group holds; now it is exact again
            }
            at = rs.getLong(1);
            id = rs.getLong(2);
            kept = rs.getLong(3);
        }
        String older = " FROM log_events WHERE function = ? AND (at < ? OR (at = ? AND id <= ?))";
        long events;
        long bytes;
        try (PreparedStatement ps = prepare(c, "SELECT count(*), coalesce(sum(" + BYTES + "), 0)" + older, function, at, at, id);
             ResultSet rs = ps.executeQuery()) {
            events = rs.getLong(1);
            bytes = rs.getLong(2);
        }
        execute(c, "DELETE" + older, function, at, at, id);
        execute(c, "UPDATE log_groups SET stored_bytes = ? WHERE function = ?", kept, function);
        return new Trimmed(events, bytes, 0);
    }

    static Policy policy(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT retention_days, max_bytes, stored_bytes FROM log_groups WHERE function = ?",
                function); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Policy(function, Optional.of(DEFAULT_DAYS), DEFAULT_MAX_MB * MB, 0, true);
            }
            int storedDays = rs.getInt(1);
            Integer days = rs.wasNull() ? null : storedDays;
            long storedMax = rs.getLong(2);
            Long max = rs.wasNull() ? null : storedMax;
            Optional<Integer> retention = days == null ? Optional.of(DEFAULT_DAYS) : days == 0 ? Optional.empty() : Optional.of(days);
            return new Policy(function, retention, max == null ? DEFAULT_MAX_MB * MB : max, rs.getLong(3),
                    days == null && max == null);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        return Sql.prepare(c, sql, args);
    }

    private static int execute(Connection c, String sql, Object... args) throws SQLException {
        return Sql.execute(c, sql, args);
    }
}
