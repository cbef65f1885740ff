package io.lambdoku.local.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The SQLite file that holds the local backend's metadata. WAL lets readers run beside a writer;
 * every write transaction starts with BEGIN IMMEDIATE so concurrent processes queue on the write lock
 * (with a busy timeout) instead of failing when a read transaction tries to upgrade.
 */
public final class Database implements AutoCloseable {

    private static final int SCHEMA_VERSION = 2;
    private static final int BUSY_TIMEOUT_MS = 60_000;

    private final Connection connection;

    private Database(Connection connection) {
        this.connection = connection;
    }

    public static Database open(Path file) {
        SqliteNative.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode survives a killed process; only a power loss may drop the newest commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setOpenMode(SQLiteOpenMode.CREATE);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + file);
            Database db = new Database(c);
            db.migrate();
            return db;
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one BEGIN IMMEDIATE transaction: all of it commits, or none of it. */
    public synchronized <T> T write(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a read snapshot. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private void migrate() throws SQLException {
        int version = read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        });
        if (version < SCHEMA_VERSION) {
            write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String ddl : Schema.STATEMENTS) {
                        s.executeUpdate(ddl);
                    }
                    s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
                }
                return null;
            });
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
