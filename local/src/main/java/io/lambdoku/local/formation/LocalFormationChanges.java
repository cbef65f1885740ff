package io.lambdoku.local.formation;

import io.lambdoku.core.formation.FormationChanges;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The store's formation changes from the moment it opens: every poll reads formation_seq (one row, cheap) and
 * only when it moved the names of rows written or deleted since. Other processes' writes show as soon as they
 * commit, as WAL readers see every committed transaction.
 */
final class LocalFormationChanges implements FormationChanges {

    /** How often a waiting poll looks again: quick enough for a person watching, one small read each time. */
    private static final Duration INTERVAL = Duration.ofMillis(200);

    private final Database db;
    private long seen;
    private volatile boolean closed;

    LocalFormationChanges(Database db) {
        this.db = db;
        this.seen = db.read(LocalFormationChanges::sequence);
    }

    @Override
    public Set<String> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            Set<String> names = changed();
            if (!names.isEmpty() || System.nanoTime() >= deadline) {
                return names;
            }
            Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
        }
        throw new IllegalStateException("the formation change feed is closed");
    }

    private Set<String> changed() {
        long now = db.read(LocalFormationChanges::sequence);
        if (now == seen) {
            return Set.of();
        }
        // Up to the value read, not beyond: a write committed after that read is reported by the next poll.
        Set<String> names = new LinkedHashSet<>(db.read(c -> Sql.query(c, rs -> rs.getString(1),
                "SELECT name FROM formation WHERE seq > ?1 AND seq <= ?2"
                        + " UNION SELECT name FROM formation_deletions WHERE seq > ?1 AND seq <= ?2", seen, now)));
        seen = now;
        return names;
    }

    static long sequence(Connection c) throws SQLException {
        return Sql.query(c, rs -> rs.getLong(1), "SELECT value FROM formation_seq WHERE id = 1").get(0);
    }

    @Override
    public void close() {
        closed = true;
    }
}
