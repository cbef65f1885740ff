package io.lambdoku.local.lock;

import io.lambdoku.core.lock.Lease;
import io.lambdoku.core.lock.LockStore;
import io.lambdoku.core.lock.StoredLease;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
        return db.read(c -> Sql.query(c, LocalLockStore::stored, "SELECT " + COLUMNS + " FROM locks WHERE function = ?",
                function).stream().findFirst());
    }

    @Override
    public Optional<StoredLease> create(Lease lease) {
        int created = db.write(c -> Sql.execute(c, "INSERT OR IGNORE INTO locks(" + LEASE_COLUMNS
                + ", function, lease_id, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
                leaseFields(lease, lease.function(), lease.id())));
        return created == 1 ? Optional.of(new StoredLease(lease, version(lease.id(), 1))) : Optional.empty();
    }

    @Override
    public Optional<StoredLease> replace(StoredLease expected, Lease lease) {
        String[] v = expected.version().split("/", 2);
        long next = Long.parseLong(v[1]) + 1;
        int replaced = db.write(c -> Sql.execute(c, "UPDATE locks SET (" + LEASE_COLUMNS + ", lease_id, generation)"
                + " = (?, ?, ?, ?, ?, ?, ?, ?) WHERE function = ? AND lease_id = ? AND generation = ?",
                leaseFields(lease, lease.id(), next, lease.function(), v[0], Long.parseLong(v[1]))));
        return replaced == 1 ? Optional.of(new StoredLease(lease, version(lease.id(), next))) : Optional.empty();
    }

    @Override
    public boolean delete(StoredLease expected) {
        String[] v = expected.version().split("/", 2);
        return db.write(c -> Sql.execute(c, "DELETE FROM locks WHERE function = ? AND lease_id = ? AND generation = ?",
                expected.lease().function(), v[0], Long.parseLong(v[1]))) == 1;
    }

    private static StoredLease stored(ResultSet rs) throws SQLException {
        Lease lease = new Lease(rs.getString("lease_id"), rs.getString("function"), rs.getString("operation"),
                rs.getString("holder"), rs.getLong("pid"), Instant.ofEpochMilli(rs.getLong("created")),
                Instant.ofEpochMilli(rs.getLong("heartbeat")), Duration.ofMillis(rs.getLong("ttl_ms")));
        return new StoredLease(lease, version(lease.id(), rs.getLong("generation")));
    }

    /** The lease's own fields in the order of {@link #LEASE_COLUMNS}, then {@code more}. */
    private static Object[] leaseFields(Lease lease, Object... more) {
        Object[] fields = {lease.operation(), lease.holder(), lease.pid(), lease.created().toEpochMilli(),
            lease.heartbeat().toEpochMilli(), lease.ttl().toMillis()};
        Object[] all = Arrays.copyOf(fields, fields.length + more.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    private static String version(String leaseId, long generation) {
        return leaseId + "/" + generation;
    }
}
