package io.lambdoku.local.rollout;

import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.RolloutJson;
import io.lambdoku.core.rollout.RolloutStore;
import io.lambdoku.core.rollout.StoredRollout;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Rollout records as rows of the store, one per rollout, never deleted: an alias's slot is its newest row,
 * so a finished rollout stays in the history, never to change again, when a new one takes the slot. Every change is one BEGIN
 * IMMEDIATE transaction that checks what the caller read (id and generation) before writing, so of two
 * processes that read the same slot only the first to write wins. The version names the id as well as the
 * generation: a new rollout at generation 1 is never mistaken for the one a slow driver read.
 */
public final class LocalRolloutStore implements RolloutStore {

    private final Database db;

    public LocalRolloutStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<StoredRollout> current(String function, String alias) {
        return db.read(c -> newest(c, function, alias));
    }

    @Override
    public Optional<StoredRollout> create(Rollout rollout, Optional<StoredRollout> previous) {
        return db.write(c -> {
            Optional<String> slot = newest(c, rollout.function(), rollout.alias()).map(StoredRollout::version);
            if (!slot.equals(previous.map(StoredRollout::version))) {
                return Optional.empty();
            }
            Sql.execute(c, "INSERT INTO rollouts(id, function, alias, started, generation, body) VALUES (?, ?, ?, ?, 1, ?)",
                    rollout.id(), rollout.function(), rollout.alias(), rollout.started().toEpochMilli(), RolloutJson.write(rollout));
            return Optional.of(new StoredRollout(rollout, version(rollout.id(), 1)));
        });
    }

    @Override
    public Optional<StoredRollout> replace(StoredRollout expected, Rollout updated) {
        Rollout was = expected.rollout();
        if (!updated.id().equals(was.id()) || !updated.function().equals(was.function()) || !updated.alias().equals(was.alias())) {
            throw new IllegalArgumentException("a rollout is replaced by a later state of itself, not by rollout " + updated.id());
        }
        long generation = generation(expected.version(), was.id());
        // Only the slot's rollout: once a new one took the slot the old record is history, as on S3 where the
        // slot object it was read from now holds the new rollout.
        return db.write(c -> Sql.execute(c, "UPDATE rollouts SET generation = generation + 1, body = ? WHERE id = ? AND generation = ?"
                        + " AND seq = (SELECT max(seq) FROM rollouts WHERE function = ? AND alias = ?)",
                        RolloutJson.write(updated), was.id(), generation, was.function(), was.alias()) == 1
                ? Optional.of(new StoredRollout(updated, version(was.id(), generation + 1)))
                : Optional.empty());
    }

    @Override
    public List<Rollout> history(String function, int limit) {
        return db.read(c -> Sql.query(c, rs -> RolloutJson.read(rs.getString(1)),
                "SELECT body FROM rollouts WHERE function = ? ORDER BY started DESC, seq DESC LIMIT ?", function, limit));
    }

    private static Optional<StoredRollout> newest(Connection c, String function, String alias) throws SQLException {
        return Sql.query(c, rs -> new StoredRollout(RolloutJson.read(rs.getString(3)), version(rs.getString(1), rs.getLong(2))),
                "SELECT id, generation, body FROM rollouts WHERE function = ? AND alias = ? ORDER BY seq DESC LIMIT 1",
                function, alias).stream().findFirst();
    }

    private static String version(String id, long generation) {
        return id + "/" + generation;
    }

    /** The generation in a version this store made for rollout {@code id}. */
    private static long generation(String version, String id) {
        String prefix = id + "/";
        if (!version.startsWith(prefix)) {
            throw new IllegalArgumentException("version " + version + " was not made by this store for rollout " + id);
        }
        return Long.parseLong(version.substring(prefix.length()));
    }
}
