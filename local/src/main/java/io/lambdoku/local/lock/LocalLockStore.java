package io.lambdoku.local.lock;

import io.lambdoku.core.lock.Lease;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.lock.StoredLease;
import io.lambdoku.local.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Functions' locks in the store: a row per function, changed only by {@code UPDATE … WHERE lease_id = ? AND
 * generation = ?}. The version names the lease id as well as the generation, so a lease released and taken
 * again (generation 1 once more) is never mistaken for the one a slow holder read.
 */
public final class LocalLockStore implements LockStore {

    private static final String COLUMNS = "function, lease_id, generation, operation, holder, pid, created, heartbeat, ttl_ms";
    private static final String LEASE_COLUMNS = "operation, holder, pid, created, heartbeat, ttl_ms";

    private final Database db;

    public LocalLockStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<StoredLease> read(String function) {
        return db.read(c -> select(c, function));
    }

    @Override
    public Optional<StoredLease> create(Lease lease) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO locks(" + LEASE_COLUMNS
                    + ", function, lease_id, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                bind(ps, lease);
                ps.setString(7, lease.function());
                ps.setString(8, lease.id());
                return ps.executeUpdate() == 1 ? Optional.of(new StoredLease(lease, version(lease.id(), 1))) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<StoredLease> replace(StoredLease expected, Lease lease) {
        String[] v = expected.version().split("/", 2);
        long next = Long.parseLong(v[1]) + 1;
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE locks SET (" + LEASE_COLUMNS + ", lease_id, generation)"
                    + " = (?, ?, ?, ?, ?, ?, ?, ?) WHERE function = ? AND lease_id = ? AND generation = ?")) {
                bind(ps, lease);
                ps.setString(7, lease.id());
                ps.setLong(8, next);
                ps.setString(9, lease.function());
                ps.setString(10, v[0]);
                ps.setLong(11, Long.parseLong(v[1]));
                return ps.executeUpdate() == 1 ? Optional.of(new StoredLease(lease, version(lease.id(), next))) : Optional.empty();
            }
        });
    }

    @Override
    public boolean delete(StoredLease expected) {
        String[] v = expected.version().split("/", 2);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM locks WHERE function = ? AND lease_id = ? AND generation = ?")) {
                ps.setString(1, expected.lease().function());
                ps.setString(2, v[0]);
                ps.setLong(3, Long.parseLong(v[1]));
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Optional<StoredLease> select(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM locks WHERE function = ?")) {
            ps.setString(1, function);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Lease lease = new Lease(rs.getString("lease_id"), function, rs.getString("operation"), rs.getString("holder"),
                        rs.getLong("pid"), Instant.ofEpochMilli(rs.getLong("created")),
                        Instant.ofEpochMilli(rs.getLong("heartbeat")), Duration.ofMillis(rs.getLong("ttl_ms")));
                return Optional.of(new StoredLease(lease, version(lease.id(), rs.getLong("generation"))));
            }
        }
    }

    /** The lease's own fields, as parameters 1 to 6 in the order of {@link #LEASE_COLUMNS}. */
    private static void bind(PreparedStatement ps, Lease lease) throws SQLException {
        ps.setString(1, lease.operation());
        ps.setString(2, lease.holder());
        ps.setLong(3, lease.pid());
        ps.setLong(4, lease.created().toEpochMilli());
        ps.setLong(5, lease.heartbeat().toEpochMilli());
        ps.setLong(6, lease.ttl().toMillis());
    }

    private static String version(String leaseId, long generation) {
        return leaseId + "/" + generation;
    }
}
