package io.lambdoku.local.formation;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.formation.Desired;
import io.lambdoku.core.formation.DesiredChange;
import io.lambdoku.core.formation.FormationAttributes;
import io.lambdoku.core.formation.FormationChanges;
import io.lambdoku.core.formation.FormationRow;
import io.lambdoku.core.formation.FormationStore;
import io.lambdoku.core.formation.Observed;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import io.lambdoku.local.store.SettingsJson;
import io.lambdoku.local.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The formation table as a table of the store: the desire and the observation as JSON under the DynamoDB
 * table's attribute names. Every write is one BEGIN IMMEDIATE transaction that also moves formation_seq,
 * the change sequence {@link LocalFormationChanges} polls; a delete leaves the name in formation_deletions
 * so a feed can report it.
 */
public final class LocalFormationStore implements FormationStore {

    /** Deleted names a feed has not polled for this long are dropped; the reactor's resync notices those deletes. */
    private static final Duration DELETIONS_KEPT = Duration.ofDays(1);

    private final Database db;
    private final Clock clock;

    public LocalFormationStore(Database db) {
        this(db, Clock.systemUTC());
    }

    LocalFormationStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String describe() {
        return "the local store";
    }

    /** One store, one set of functions: every local function the table manages is tagged alike. */
    @Override
    public String managerTag() {
        return "local";
    }

    @Override
    public List<FormationRow> list() {
        return db.read(c -> Sql.query(c, LocalFormationStore::row,
                "SELECT name, desired, generation, observed FROM formation ORDER BY name"));
    }

    @Override
    public Optional<FormationRow> get(String name) {
        return db.read(c -> find(c, name));
    }

    @Override
    public FormationRow put(String name, DesiredChange change) {
        return db.write(c -> {
            Optional<FormationRow> was = find(c, name);
            Desired desired = change.applyTo(was.map(FormationRow::desired));
            long generation = was.map(FormationRow::generation).orElse(0L) + 1;
            long seq = bump(c);
            Sql.execute(c, "INSERT INTO formation(name, desired, generation, observed, seq) VALUES (?, ?, ?, NULL, ?)"
                    + " ON CONFLICT(name) DO UPDATE SET desired = excluded.desired, generation = excluded.generation,"
                    + " seq = excluded.seq", name, json(FormationAttributes.desired(desired)), generation, seq);
            return new FormationRow(name, desired, generation, was.flatMap(FormationRow::observed));
        });
    }

    @Override
    public boolean delete(String name) {
        return db.write(c -> {
            if (find(c, name).isEmpty()) {
                return false;
            }
            long seq = bump(c);
            Sql.execute(c, "DELETE FROM formation WHERE name = ?", name);
            long now = clock.millis();
            Sql.execute(c, "INSERT INTO formation_deletions(seq, name, at) VALUES (?, ?, ?)", seq, name, now);
            Sql.execute(c, "DELETE FROM formation_deletions WHERE at < ?", now - DELETIONS_KEPT.toMillis());
            return true;
        });
    }

    @Override
    public boolean report(FormationRow read, Observed observed) {
        return db.write(c -> {
            Optional<FormationRow> now = find(c, read.name());
            if (now.isEmpty() || now.get().generation() != read.generation() || !now.get().desired().equals(read.desired())) {
                return false;
            }
            if (now.get().observed().filter(observed::sameStateAs).isPresent()) {
                return true;
            }
            Sql.execute(c, "UPDATE formation SET observed = ?, seq = ? WHERE name = ?",
                    json(FormationAttributes.observed(observed)), bump(c), read.name());
            return true;
        });
    }

    @Override
    public FormationChanges changes() {
        return new LocalFormationChanges(db);
    }

    private static Optional<FormationRow> find(Connection c, String name) throws SQLException {
        return Sql.query(c, LocalFormationStore::row,
                "SELECT name, desired, generation, observed FROM formation WHERE name = ?", name).stream().findFirst();
    }

    /** The change sequence's next value, taken by this transaction's write. */
    private static long bump(Connection c) throws SQLException {
        Sql.execute(c, "UPDATE formation_seq SET value = value + 1 WHERE id = 1");
        return LocalFormationChanges.sequence(c);
    }

    private static FormationRow row(ResultSet rs) throws SQLException {
        String observed = rs.getString(4);
        return new FormationRow(rs.getString(1), FormationAttributes.readDesired(map(rs.getString(2))), rs.getLong(3),
                observed == null ? Optional.empty() : FormationAttributes.readObserved(map(observed)));
    }

    private static Map<String, Object> map(String json) {
        try {
            return SettingsJson.asMap(json);
        } catch (java.io.UncheckedIOException e) {
            throw new StoreException("unreadable formation row: " + e.getCause().getMessage(), e);
        }
    }

    private static String json(Map<String, Object> m) {
        return SettingsJson.asString(m);
    }
}
