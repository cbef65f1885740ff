package io.lambdoku.local.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc extracts its native library into the temp dir on every start, which costs a CLI tens of
 * milliseconds. When the launcher names a cache dir ({@code -Dlambdoku.cache}), the library is
 * extracted there once and loaded from there by its full path: no search of the class path or of
 * {@code java.library.path}. That dir is the launcher's per-build one (keyed by the jars' hash, which
 * covers the driver's version), so a rebuilt driver never loads a stale library and nothing here
 * needs to read the driver's version from the jar on every start.
 */
final class SqliteNative {

    private static final String LIB = "libsqlitejdbc.so";

    private SqliteNative() {
    }

    static void prepare() {
        String cache = System.getProperty("lambdoku.cache");
        String arch = System.getProperty("os.arch");
        if (cache == null || System.getProperty("org.sqlite.lib.path") != null
                || !System.getProperty("os.name").startsWith("Linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            return;
        }
        String resource = "/org/sqlite/native/Linux/" + (arch.equals("amd64") ? "x86_64" : "aarch64") + "/" + LIB;
        try {
            Path dir = Path.of(cache, "sqlite-native");
            Path lib = dir.resolve(LIB);
            if (!Files.exists(lib)) {
                extract(resource, dir, lib);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", LIB);
            // The driver lists its temp dir on every load to delete libraries older runs left there:
            // pointed at this dir, that is a listing of one file, not of all of /tmp.
            System.setProperty("org.sqlite.tmpdir", dir.toString());
        } catch (IOException e) {
            // the driver's own extraction still works; only slower
        }
    }

    private static void extract(String resource, Path dir, Path lib) throws IOException {
        try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, LIB, ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
