package io.lambdoku.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: opening the store is on every command's path, so what persists in the file (WAL, the
 * schema) is set once when it is made or migrated, and a store at the current version is only read.
 * Checked through a plain connection of the driver's, as any other SQLite client sees the file.
 */
class DatabaseTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("lambdoku.db");
    }

    private Connection plain() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file());
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void aNewStoreIsMadeInWalModeWithIncrementalVacuumAtTheCurrentVersion() throws Exception {
        Database.open(file()).close();

        try (Connection c = plain()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal"); // a plain connection did not ask for it
            assertThat(pragma(c, "auto_vacuum")).isEqualTo("2");
            assertThat(pragma(c, "user_version")).isEqualTo("8");
            assertThat(hasTable(c, "kms_keys")).isTrue();
        }
    }

    @Test
    void anOlderStoreInRollbackModeIsMigratedAndSwitchedToWal() throws Exception {
        Database.open(file()).close();
        try (Connection c = plain(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
            s.executeUpdate("DROP TABLE kms_aliases");
            s.executeUpdate("DROP TABLE kms_keys");
            s.executeUpdate("PRAGMA user_version = 6");
        }

        Database.open(file()).close();

        try (Connection c = plain()) {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "user_version")).isEqualTo("8");
            assertThat(hasTable(c, "kms_keys")).isTrue();
            assertThat(hasTable(c, "kms_aliases")).isTrue();
        }
    }

    @Test
    void aStoreAtTheCurrentVersionIsOpenedWithoutSchemaWorkOrAnyWrite() throws Exception {
        Database.open(file()).close();
        try (Connection c = plain(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP TABLE kms_aliases"); // only a schema check would put it back
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        byte[] before = Files.readAllBytes(file());

        Database db = Database.open(file());
        db.read(c -> pragma(c, "user_version"));
        db.close();

        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        try (Connection c = plain()) {
            assertThat(hasTable(c, "kms_aliases")).isFalse();
        }
    }
}
