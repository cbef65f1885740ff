package io.lambdoku.local.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * The SQLite file that holds the local backend's metadata. WAL lets readers run beside a writer;
 * every write transaction starts with BEGIN IMMEDIATE so concurrent processes queue on the write lock
 * (with a busy timeout) instead of failing when a read transaction tries to upgrade.
 */
public final class Database implements AutoCloseable {

    private static final int SCHEMA_VERSION = 8; // 4 added locks and activity, 5 LocalInfra's tables (both sides of a merge created a 4), 6 rollouts, 7 the local KMS, 8 function URLs, provisioned concurrency, formation
    private static final int BUSY_TIMEOUT_MS = 60_000;
    /** After a checkpoint SQLite truncates the WAL to this, so one big transaction does not leave a big file. */
    private static final int WAL_SIZE_LIMIT = 4 * 1024 * 1024;

    private final Connection connection;
    private final Path file;

    private Database(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    public static Database open(Path file) {
        SqliteNative.prepare();
        SQLiteConfig config = config();
        config.setOpenMode(SQLiteOpenMode.CREATE);
        try {
            // What config.createConnection does, less org.sqlite.JDBC: that class's static init registers the driver
            // with DriverManager, which lambdoku never asks for a connection (~1 ms of every local command).
            Connection c = new JDBC4Connection("jdbc:sqlite:" + file, file.toString(), config.toProperties());
            Database db = new Database(c, file);
            try {
                db.migrate();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.close(); // a store that cannot be migrated is not left open
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return db;
        } catch (SQLException | StoreException e) {
            NoSpaceException.rethrowIfFull(e, file.getParent());
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The connection config {@link #open} builds: its date format's calendar loads the JDK's locale data. */
    public static void warmConfig() {
        config();
    }

    /**
     * The native library, as an open loads it; the loader's class binds the driver's logger on the way (slf4j's
     * binding searches the whole class path).
     */
    public static void warmDriver() {
        SqliteNative.prepare();
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception e) {
            // open() meets it again and reports it
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // No journal mode here: WAL is stored in the file, set once by migrate(); asking for it on every
        // open costs a read of the header. These two are per connection, so they go with every open.
        // NORMAL in WAL mode survives a killed process; only a power loss may drop the newest commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setJournalSizeLimit(WAL_SIZE_LIMIT);
        return config;
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
            throw failure(e);
        }
    }

    /** Runs {@code work} on a read snapshot. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Gives the pages that deleted rows left free back to the file system and empties the WAL; returns
     * how many bytes the database files shrank by. A store made before incremental auto-vacuum is
     * rebuilt once by VACUUM (which needs free space about the database's size), then kept so.
     */
    public synchronized long compact() {
        long before = sizeOnDisk();
        try (Statement s = connection.createStatement()) {
            if (pragma(s, "freelist_count") > 0) {
                if (pragma(s, "auto_vacuum") == 2) {
                    // executeUpdate runs it to the end; execute would step once, freeing a single page
                    s.executeUpdate("PRAGMA incremental_vacuum");
                } else {
                    s.executeUpdate("PRAGMA auto_vacuum = INCREMENTAL");
                    s.executeUpdate("VACUUM");
                }
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw failure(e);
        }
        return before - sizeOnDisk();
    }

    /** The database file with its WAL and SHM files, in bytes. */
    public long sizeOnDisk() {
        long total = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path f = file.resolveSibling(file.getFileName() + suffix);
            try {
                total += java.nio.file.Files.size(f);
            } catch (java.io.IOException e) {
                // absent
            }
        }
        return total;
    }

    private static int pragma(Statement s, String name) throws SQLException {
        try (var rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private StoreException failure(SQLException e) {
        return NoSpaceException.of(e, file.getParent()).map(StoreException.class::cast)
                .orElseGet(() -> new StoreException(e.getMessage(), e));
    }

    /**
     * A store at the current version costs one {@code PRAGMA user_version} read and nothing else, so
     * read-only commands do no schema work; only a new or older store runs the DDL (all of it is
     * {@code IF NOT EXISTS}, so any older version migrates by the same statements).
     */
    private void migrate() throws SQLException {
        int version = read(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        });
        if (version >= SCHEMA_VERSION) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            if (version == 0) {
                // Incremental auto-vacuum lets gc hand freed pages back to the file system without
                // rebuilding the file; it can only be chosen before the first table, and an empty
                // VACUUM applies it whatever wrote the header first.
                s.executeUpdate("PRAGMA auto_vacuum = INCREMENTAL");
                s.executeUpdate("VACUUM");
            }
            // WAL is a property of the file: set once here, every later connection opens in it. A store
            // from before this was already WAL (every open used to ask); asking again is a no-op.
            try (var rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("the database could not be switched to WAL mode");
                }
            }
        }
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

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
