package io.lambdoku.local.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * sqlite-jdbc extracts its native library into the temp dir on every start, which costs a CLI tens of
 * milliseconds. When the launcher names a cache dir ({@code -Dlambdoku.cache}), the library is
 * extracted there once, keyed by the driver's version, and loaded from there.
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
            Path dir = Path.of(cache, "sqlite-" + driverVersion());
            Path lib = dir.resolve(LIB);
            if (!Files.exists(lib)) {
                extract(resource, dir, lib);
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", LIB);
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

    /** From the driver's own pom.properties, which survives shading, so an upgrade never loads a stale library. */
    private static String driverVersion() throws IOException {
        try (InputStream in = SqliteNative.class.getResourceAsStream(
                "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        }
    }
}
