package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 "Locked down", through the launcher: the store's modes, gc, retention, big output. */
@SuppressWarnings("unchecked")
class StoreIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    private Path store() {
        return cli.home().resolve("local");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewStoreAndAnOldWorldReadableOneAreTheOwnersOnlyAfterOneCommand() throws Exception {
        Files.delete(cli.home()); // as on first use: LAMBDOKU_HOME does not exist yet
        cli.run("apps").succeeded();
        assertThat(mode(cli.home())).isEqualTo("rwx------");
        assertThat(mode(store())).isEqualTo("rwx------");
        assertThat(mode(store().resolve("lambdoku.db"))).isEqualTo("rw-------");

        // a store as lambdoku made them before: 0755 folders, a 0644 database
        Files.setPosixFilePermissions(store(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(store().resolve("lambdoku.db"), PosixFilePermissions.fromString("rw-r--r--"));
        cli.run("apps").succeeded();
        assertThat(mode(store())).isEqualTo("rwx------");
        assertThat(mode(store().resolve("lambdoku.db"))).isEqualTo("rw-------");
    }

    /** A folder of code with {@code bytes} of incompressible data, so each release's blob has a known size. */
    private Path code(String name, int bytes, long seed) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(name));
        Files.writeString(dir.resolve("app.py"), "def handler(event, context):\n    print('ran " + name + "')\n    return 1\n");
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        Files.write(dir.resolve("data.bin"), data);
        return dir;
    }

    @Test
    void gcAfterPruneAndDestroyGivesTheStoreBackToAnEmptyStoresSizePlusWhatIsInUse() throws Exception {
        cli.run("apps").succeeded();
        long empty = StoreFiles.size(store());

        cli.run("create", "big", "--code", code("c0", 1 << 20, 0).toString(), "--runtime", "python3.12",
                "--handler", "app.handler").succeeded();
        cli.run("invoke", "-a", "big").succeeded();
        for (int i = 1; i <= 5; i++) {
            cli.run("push", code("c" + i, 1 << 20, i).toString(), "-a", "big").succeeded();
            cli.run("invoke", "-a", "big").succeeded(); // unpacks each release's code
        }
        long full = StoreFiles.size(store());

        CliRunner.Result prune = cli.run("releases:prune", "-a", "big", "--keep", "1").succeeded()
                .outContains("Deleted 5 releases of big").outContains("gc: freed ");
        long afterPrune = StoreFiles.size(store());
        long inUse = StoreFiles.size(store().resolve("blobs")) + StoreFiles.size(store().resolve("code"))
                + StoreFiles.size(store().resolve("runtime"));
        assertThat(StoreFiles.count(store().resolve("blobs/sha256"))).as("the one release left has one blob").isEqualTo(1);
        // (beside it the code cache keeps the tree's recorded hash and its unpack lock: <hex>.tree, <hex>.lock)
        assertThat(StoreFiles.folders(store().resolve("code"))).as("and one unpacked folder").isEqualTo(1);
        assertThat(inUse).as("one blob and one unpacked copy of 1 MB of data").isBetween(2L << 20, (2L << 20) + 64 * 1024);

        cli.run("apps:destroy", "big", "--confirm", "big").succeeded().outContains("gc: freed ");
        long afterDestroy = StoreFiles.size(store());
        long runtime = StoreFiles.size(store().resolve("runtime"));

        System.out.printf("store: empty %,d bytes; 6 releases of 1 MB invoked %,d; after releases:prune --keep 1 %,d"
                + " (in use %,d: empty + in use = %,d); after apps:destroy %,d (empty + runtime clients %,d = %,d)%n",
                empty, full, afterPrune, inUse, empty + inUse, afterDestroy, runtime, empty + runtime);
        System.out.println("releases:prune said: " + prune.out().strip().replace('\n', ' '));
        assertThat(afterPrune).isLessThanOrEqualTo((long) ((empty + inUse) * 1.1));
        assertThat(afterDestroy).isLessThanOrEqualTo((long) ((empty + runtime) * 1.1));
        assertThat(StoreFiles.count(store().resolve("blobs/sha256"))).isZero();
        assertThat(StoreFiles.count(store().resolve("code"))).isZero();
    }

    @Test
    void gcDeletesLogLinesPastTheRetentionAndLogsRetentionChangesIt() throws Exception {
        cli.run("create", "f", "--code", code("small", 10, 0).toString(), "--runtime", "python3.12", "--handler", "app.handler")
                .succeeded();
        cli.run("invoke", "-a", "f").succeeded();
        cli.run("invoke", "-a", "f").succeeded();
        cli.run("logs:retention", "-a", "f").succeeded().outContains("f: log lines kept 30 days, at most 100 MB");
        sql("UPDATE log_events SET at = at - 40 * 86400000 WHERE id IN (SELECT id FROM log_events ORDER BY id LIMIT 4)");
        sql("UPDATE invocations SET started = started - 40 * 86400000 WHERE rowid = (SELECT min(rowid) FROM invocations)");

        Map<String, Object> gc = JSON.std.mapFrom(cli.run("gc", "--json").succeeded().out());
        assertThat(gc).containsEntry("logEvents", 4).containsEntry("invocations", 1);
        assertThat(cli.run("logs", "-a", "f", "--since", "100d").succeeded().out()).contains("ran small");

        cli.run("logs:retention", "-a", "f", "never").succeeded().outContains("kept forever");
        cli.run("logs:retention", "-a", "f", "10").failedWith(1, "one of CloudWatch's retention periods");
        cli.run("logs:retention", "-a", "f", "1", "--max-size", "5").succeeded().outContains("kept 1 day, at most 5 MB");
    }

    @Test
    void aFunctionPrinting200MegabytesLeavesTheCliSmallAndItsStoredLogBounded() throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("loud"));
        Files.writeString(dir.resolve("app.py"), """
                import sys
                def handler(event, context):
                    line = "x" * 999 + "\\n"
                    for i in range(200_000):
                        sys.stdout.write(line)
                    print("the end")
                    return "ok"
                """);
        cli.run("create", "loud", "--code", dir.toString(), "--runtime", "python3.12", "--handler", "app.handler",
                "--timeout", "120").succeeded();
        // 200 MB of output through a 64 MB heap: before the cap this ran out of memory
        CliRunner smallHeap = new CliRunner(scratch).withEnv(Map.of("JAVA_TOOL_OPTIONS", "-Xmx64m"));
        assertThat(smallHeap.run("invoke", "-a", "loud").succeeded().out()).contains("ok");

        long stored = sqlLong("SELECT sum(length(CAST(message AS BLOB))) FROM log_events WHERE function = 'loud'");
        assertThat(stored).isLessThan(1024 * 1024 + 4096);
        long started = System.nanoTime();
        CliRunner.Result tail = cli.run("logs", "-a", "loud", "-n", "5").succeeded();
        System.out.printf("200 MB printed: %,d bytes stored; 'logs -n 5' took %d ms%n", stored, (System.nanoTime() - started) / 1_000_000);
        assertThat(tail.out().lines().count()).isEqualTo(5);
        assertThat(tail.out()).contains("the end").contains("REPORT RequestId");
        String note = cli.run("logs", "-a", "loud", "-n", "100000").succeeded().out().lines()
                .filter(l -> l.contains("[lambdoku]")).findFirst().orElse("none"); // not the whole megabyte in a failure
        assertThat(note).containsPattern("\\[lambdoku\\] Log truncated: the first 1[89][0-9.]+ MB \\(\\d{3},\\d{3} lines\\)");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store().resolve("lambdoku.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private long sqlLong(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store().resolve("lambdoku.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.getLong(1);
        }
    }

    /** Sizes and counts of what is on disk, as a user would measure with du and ls. */
    static final class StoreFiles {

        static long size(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }

        static long count(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return 0;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.count();
            }
        }

        static long folders(Path dir) throws IOException {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.filter(Files::isDirectory).count();
            }
        }
    }
}
