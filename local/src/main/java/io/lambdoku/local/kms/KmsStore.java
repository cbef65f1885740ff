package io.lambdoku.local.kms;

import io.lambdoku.local.Arns;
import io.lambdoku.local.store.Database;
import io.lambdoku.local.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The rows of the local KMS: keys ({@code kms_keys}) and aliases ({@code kms_aliases}); no key material. */
final class KmsStore {

    private static final String KEY_COLUMNS = "id, arn, description, enabled, created";

    private final Database db;
    private final Arns arns;

    KmsStore(Database db, Arns arns) {
        this.db = db;
        this.arns = arns;
    }

    /** Inserts the key and, if given, its alias in one transaction: an alias already taken leaves no key either. */
    void insert(KmsKey key, Optional<String> alias) {
        db.write(c -> {
            Sql.execute(c, "INSERT INTO kms_keys(" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?)", key.id(), key.arn(),
                    key.description(), key.enabled() ? 1 : 0, key.createdMillis());
            if (alias.isPresent()) {
                insertAlias(c, alias.get(), key.id(), key.createdMillis());
            }
            return null;
        });
    }

    void insertAlias(String alias, String keyId, long now) {
        db.write(c -> {
            insertAlias(c, alias, keyId, now);
            return null;
        });
    }

    private void insertAlias(Connection c, String alias, String keyId, long now) throws SQLException {
        if (Sql.execute(c, "INSERT OR IGNORE INTO kms_aliases(name, key_id, created) VALUES (?, ?, ?)", alias, keyId, now) == 0) {
            throw KmsError.aliasExists(arns.kmsAlias(alias));
        }
    }

    Optional<KmsKey> key(String id) {
        return db.read(c -> Sql.query(c, KmsStore::key, "SELECT " + KEY_COLUMNS + " FROM kms_keys WHERE id = ?", id))
                .stream().findFirst();
    }

    Optional<String> aliasTarget(String alias) {
        return db.read(c -> Sql.query(c, rs -> rs.getString(1), "SELECT key_id FROM kms_aliases WHERE name = ?", alias))
                .stream().findFirst();
    }

    List<KmsKey> keys() {
        return db.read(c -> Sql.query(c, KmsStore::key, "SELECT " + KEY_COLUMNS + " FROM kms_keys ORDER BY created, id"));
    }

    List<KmsAlias> aliases() {
        return db.read(c -> Sql.query(c, rs -> new KmsAlias(rs.getString(1), arns.kmsAlias(rs.getString(1)), rs.getString(2),
                rs.getLong(3)), "SELECT name, key_id, created FROM kms_aliases ORDER BY name"));
    }

    void setEnabled(String id, boolean enabled) {
        db.write(c -> Sql.execute(c, "UPDATE kms_keys SET enabled = ? WHERE id = ?", enabled ? 1 : 0, id));
    }

    private static KmsKey key(ResultSet rs) throws SQLException {
        return new KmsKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0, rs.getLong(5));
    }
}
