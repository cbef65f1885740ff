package io.lambdoku.local.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store holds every function's config vars (secrets, often), so only its owner may read it:
 * LAMBDOKU_HOME and its local/ folder 0700, the database and its WAL/SHM files 0600. New stores are
 * made so; a store made before (0755 folders, a 0644 database) is tightened the first time it is
 * opened. The check costs two stats per open, so no command slows down for it.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** SQLite gives the -wal and -shm files its database's mode; they are named here for stores tightened late. */
    private static final List<String> DATABASE_FILES = List.of("", "-wal", "-shm", "-journal");

    private OwnerOnly() {
    }

    /**
     * Makes {@code storeDir} (and {@code home} above it, when this creates it) 0700, and tightens what a
     * store made before this rule left readable. A LAMBDOKU_HOME that already existed keeps its mode: it
     * may be a folder the user shares with other things, and local/ at 0700 already closes the store.
     */
    public static void prepare(Path home, Path storeDir, Path database) throws IOException {
        if (!isPosix(storeDir)) {
            return;
        }
        Set<PosixFilePermission> storeMode;
        try {
            storeMode = Files.getPosixFilePermissions(storeDir);
        } catch (NoSuchFileException absent) {
            if (!Files.isDirectory(home)) {
                createFolder(home);
            }
            createFolder(storeDir);
            storeMode = FOLDER;
        }
        Optional<Set<PosixFilePermission>> databaseMode;
        try {
            databaseMode = Optional.of(Files.getPosixFilePermissions(database, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException absent) {
            databaseMode = Optional.empty();
        }
        if (!FOLDER.equals(storeMode) || databaseMode.isPresent() && !FILE.equals(databaseMode.get())) {
            tighten(storeDir, database);
        }
        if (databaseMode.isEmpty()) {
            createDatabaseFile(database);
        }
    }

    private static void tighten(Path storeDir, Path database) throws IOException {
        Files.setPosixFilePermissions(storeDir, FOLDER);
        for (String suffix : DATABASE_FILES) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
    }

    private static void createFolder(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent); // folders above LAMBDOKU_HOME are the user's, with their usual modes
        }
        try {
            Files.createDirectory(dir, attribute(FOLDER));
        } catch (FileAlreadyExistsException raced) {
            // another process made it first, with the same mode
        }
        Files.setPosixFilePermissions(dir, FOLDER); // exact, whatever the umask
    }

    /**
     * An empty file is a valid new SQLite database; made here at 0600 so SQLite's own 0644 never
     * applies, and the WAL and SHM files SQLite later creates copy this mode.
     */
    private static void createDatabaseFile(Path database) throws IOException {
        try {
            Files.createFile(database, attribute(FILE));
        } catch (FileAlreadyExistsException raced) {
            // another process created it first, also at 0600
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }

    private static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
