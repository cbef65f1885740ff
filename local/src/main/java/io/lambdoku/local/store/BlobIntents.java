package io.lambdoku.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Crash safety between the blob files and the database, which no single transaction can span.
 * Before a blob is written, a row records which process is writing it; the row that uses the blob
 * commits in the same transaction that deletes the intent. A process killed in between leaves an
 * intent whose process is gone: {@link #recover} then deletes the blob unless a row refers to it.
 * So a kill -9 at any point leaves neither a blob without its row nor a row without its blob.
 */
public final class BlobIntents {

    private final Database db;
    private final BlobStore blobs;

    public BlobIntents(Database db, BlobStore blobs) {
        this.db = db;
        this.blobs = blobs;
    }

    public long begin(String hex) {
        ProcessHandle self = ProcessHandle.current();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO blob_intents(hex, pid, pid_started) VALUES (?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, hex);
                ps.setLong(2, self.pid());
                ps.setLong(3, startedMillis(self));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Called inside the transaction that commits the row using the blob. */
    public static void complete(Connection c, long intent) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM blob_intents WHERE id = ?")) {
            ps.setLong(1, intent);
            ps.executeUpdate();
        }
    }

    /** The write was refused (stale RevisionId…): drop the intent, and the blob if nothing uses it. */
    public void abandon(long intent, String hex) {
        db.write(c -> {
            complete(c, intent);
            if (unused(c, hex)) {
                blobs.delete(hex);
            }
            return null;
        });
    }

    /** Cleans up after writers that died mid-way. Cheap when there is nothing to do: one indexed read. */
    public void recover() {
        List<long[]> dead = new ArrayList<>();
        List<String> hexes = new ArrayList<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, hex, pid, pid_started FROM blob_intents");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!alive(rs.getLong(3), rs.getLong(4))) {
                        dead.add(new long[] {rs.getLong(1)});
                        hexes.add(rs.getString(2));
                    }
                }
            }
            return null;
        });
        if (dead.isEmpty()) {
            return;
        }
        db.write(c -> {
            for (int i = 0; i < dead.size(); i++) {
                complete(c, dead.get(i)[0]);
                if (unused(c, hexes.get(i))) {
                    blobs.delete(hexes.get(i));
                }
            }
            return null;
        });
    }

    private static boolean unused(Connection c, String hex) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT (SELECT count(*) FROM code WHERE hex = ?) + (SELECT count(*) FROM blob_intents WHERE hex = ?)")) {
            ps.setString(1, hex);
            ps.setString(2, hex);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1) == 0;
            }
        }
    }

    private static boolean alive(long pid, long started) {
        return ProcessHandle.of(pid).map(p -> startedMillis(p) == started).orElse(false);
    }

    private static long startedMillis(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }
}
