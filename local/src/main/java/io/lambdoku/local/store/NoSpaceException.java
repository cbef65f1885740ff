package io.lambdoku.local.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The file system under the store ran out of space (or quota). Recognised by type where Java and
 * SQLite give one: SQLite's SQLITE_FULL result code; for Java's I/O, which hides errno, a plain
 * IOException/FileSystemException (not one of the typed ones: missing file, access denied…) when the
 * file system has (almost) no usable space left, or whose reason is ENOSPC's or EDQUOT's text.
 */
public final class NoSpaceException extends StoreException {

    /** Below this much usable space a plain I/O failure is taken for a full disk: block and metadata slack. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private final transient Path dir;

    public NoSpaceException(Path dir, Throwable cause) {
        super("no space left on device under " + dir, cause);
        this.dir = dir;
    }

    /** The folder whose file system is full. */
    public Path dir() {
        return dir;
    }

    /** {@code failure} as a NoSpaceException under {@code dir} when it is one, else itself. */
    public static Optional<NoSpaceException> of(Throwable failure, Path dir) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSpaceException n) {
                return Optional.of(n);
            }
            if (isFull(t, dir)) {
                return Optional.of(new NoSpaceException(dir, failure));
            }
        }
        return Optional.empty();
    }

    /** Throws the NoSpaceException that {@code failure} is, if it is one. */
    public static void rethrowIfFull(Throwable failure, Path dir) {
        Optional<NoSpaceException> full = of(failure, dir);
        if (full.isPresent()) {
            throw full.get();
        }
    }

    private static boolean isFull(Throwable t, Path dir) {
        if (t instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_FULL
                    || code != null && code.name().startsWith("SQLITE_IOERR") && nearlyFull(dir);
        }
        if (t instanceof SQLException s) {
            return s.getErrorCode() == SQLiteErrorCode.SQLITE_FULL.code;
        }
        if (t.getClass() == IOException.class || t.getClass() == FileSystemException.class) {
            String reason = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
            return reason != null && (reason.contains("No space left on device") || reason.contains("Disk quota exceeded"))
                    || nearlyFull(dir);
        }
        return false;
    }

    /** Usable space of the file system holding {@code dir} (or its nearest existing parent). */
    static boolean nearlyFull(Path dir) {
        try {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
