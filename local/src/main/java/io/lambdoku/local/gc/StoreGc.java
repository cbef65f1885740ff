package io.lambdoku.local.gc;

import io.lambdoku.local.store.Trees;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.logs.LogRetention;
import io.lambdoku.local.store.BlobIntents;
import io.lambdoku.local.store.BlobStore;
import io.lambdoku.local.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives back the space of what no version needs any more: code blobs no version row references
 * ($LATEST and aliases are versions too), their unpacked folders, the logs and invocation records of
 * deleted functions and of those past their log group's retention; then shrinks the database file.
 *
 * <p>Safe beside other processes: blobs are deleted inside a write transaction, and never one that
 * has a {@link BlobIntents} row: a writer records its intent before it writes the file and removes
 * it in the transaction that adds the row using the file, so a blob being written always has one
 * of the two. A crash mid-way leaves at most code rows whose blob is gone, which no version uses
 * and the next run deletes.
 */
public final class StoreGc {

    /** What one run freed; {@code storeBytes} is the size of the store after it. */
    public record Report(int blobs, long blobBytes, int codeFolders, long codeBytes, long logEvents, long logBytes,
                         long invocations, long databaseBytes, long freedBytes, long storeBytes) {
    }

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    /** An unpack takes seconds; one this old was left by a process that died. */
    private static final long STALE_UNPACK_MS = 60 * 60 * 1000;

    private final Database db;
    private final Path storeDir;
    private final BlobStore blobs;
    private final BlobIntents intents;
    private final Path codeRoot;

    public StoreGc(LocalLambda lambda) {
        this.db = lambda.database();
        this.storeDir = lambda.options().storeDir();
        // the layout LocalLambda (blobs) and LocalInvoker (unpacked code) use
        this.blobs = new BlobStore(storeDir.resolve("blobs"));
        this.intents = new BlobIntents(db, blobs);
        this.codeRoot = storeDir.resolve("code");
    }

    public Report collect() {
        return collect(System.currentTimeMillis());
    }

    Report collect(long nowMs) {
        long before = StoreSize.of(storeDir);
        intents.recover();
        Freed freedBlobs = unusedBlobs();
        Freed freedCode = unusedCodeFolders(nowMs);
        LogRetention.Trimmed trimmed = logs(nowMs);
        long databaseBytes = db.compact();
        long after = StoreSize.of(storeDir);
        return new Report(freedBlobs.count(), freedBlobs.bytes(), freedCode.count(), freedCode.bytes(), trimmed.logEvents(),
                trimmed.logBytes(), trimmed.invocations(), Math.max(0, databaseBytes), Math.max(0, before - after), after);
    }

    private record Freed(int count, long bytes) {
    }

    /** Code rows and blob files no version uses and no writer is writing, and orphaned parts. */
    private Freed unusedBlobs() {
        return db.write(c -> {
            int count = 0;
            long bytes = 0;
            for (String hex : strings(c, "SELECT hex FROM code WHERE sha NOT IN (SELECT code_sha FROM versions)"
                    + " AND hex NOT IN (SELECT hex FROM blob_intents)")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM code WHERE hex = ?")) {
                    ps.setString(1, hex);
                    ps.executeUpdate();
                }
                bytes += sizeOf(blobs.path(hex));
                blobs.delete(hex);
                count++;
            }
            // files no row names and no writer claims: a run killed between its commit and its deletes,
            // or a store from before intents
            Set<String> claimed = new HashSet<>(strings(c, "SELECT hex FROM code UNION SELECT hex FROM blob_intents"));
            for (Path file : list(blobs.folder())) {
                if (!claimed.contains(file.getFileName().toString())) {
                    bytes += sizeOf(file);
                    Trees.delete(file);
                    count++;
                }
            }
            Set<String> writing = new HashSet<>(strings(c, "SELECT hex FROM blob_intents"));
            for (Path part : list(blobs.partsFolder())) {
                String name = part.getFileName().toString();
                if (name.endsWith(".part") && !writing.contains(name.substring(0, Math.max(0, name.indexOf('.'))))) {
                    bytes += sizeOf(part);
                    Trees.delete(part);
                }
            }
            return new Freed(count, bytes);
        });
    }

    /**
     * Unpacked folders whose code no row has any more, and unpacks abandoned by dead processes. The
     * folder is listed before the rows are read: a folder is only made from an existing row, so one
     * listed then and without a row now is unused for good.
     */
    private Freed unusedCodeFolders(long nowMs) {
        List<Path> folders = list(codeRoot);
        if (folders.isEmpty()) {
            return new Freed(0, 0);
        }
        Set<String> live = db.read(c -> new HashSet<>(strings(c, "SELECT hex FROM code")));
        int count = 0;
        long bytes = 0;
        for (Path dir : folders) {
            String name = dir.getFileName().toString();
            // beside each folder, the runtime's code cache keeps <hex>.tree (its recorded hash) and <hex>.lock
            String hex = name.replaceFirst("\\.(tree|lock)$", "");
            boolean unused = HEX.matcher(hex).matches() && !live.contains(hex);
            boolean abandoned = (name.startsWith(".unpack-") || name.startsWith(".discarded-") || name.startsWith(".tree-"))
                    && nowMs - lastModified(dir) > STALE_UNPACK_MS;
            if (unused || abandoned) {
                long size = StoreSize.of(dir);
                Trees.delete(dir);
                bytes += size;
                count += unused && hex.equals(name) ? 1 : 0;
            }
        }
        return new Freed(count, bytes);
    }

    /** Logs and invocations of deleted functions, then every group's retention. */
    private LogRetention.Trimmed logs(long nowMs) {
        return db.write(c -> {
            LogRetention.Trimmed trimmed = LogRetention.Trimmed.NONE;
            for (String gone : strings(c, "SELECT function FROM log_groups WHERE function NOT IN (SELECT name FROM functions)")) {
                trimmed = trimmed.plus(forget(c, gone));
            }
            for (String function : strings(c, "SELECT name FROM functions")) {
                trimmed = trimmed.plus(LogRetention.enforce(c, function, nowMs));
            }
            return trimmed;
        });
    }

    /**
     * CloudWatch keeps a deleted function's log group until its retention runs out; the local store
     * drops it with the function, since nothing can read it through the function any more.
     */
    private static LogRetention.Trimmed forget(Connection c, String function) throws SQLException {
        long events;
        long bytes;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*), coalesce(sum(length(CAST(message AS BLOB))), 0) FROM log_events WHERE function = ?")) {
            ps.setString(1, function);
            try (ResultSet rs = ps.executeQuery()) {
                events = rs.getLong(1);
                bytes = rs.getLong(2);
            }
        }
        long invocations = 0;
        for (String sql : List.of("DELETE FROM log_events WHERE function = ?", "DELETE FROM invocations WHERE function = ?",
                "DELETE FROM log_groups WHERE function = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, function);
                int n = ps.executeUpdate();
                invocations = sql.contains("invocations") ? n : invocations;
            }
        }
        return new LogRetention.Trimmed(events, bytes, invocations);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE; // gone already, or unreadable: leave it
        }
    }
}
