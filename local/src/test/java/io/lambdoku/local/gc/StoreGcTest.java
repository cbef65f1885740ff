package io.lambdoku.local.gc;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.store.BlobIntents;
import io.lambdoku.local.store.BlobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gc frees what no version needs, and never what one does or what a concurrent writer is writing. */
class StoreGcTest {

    private static final FunctionSettings SETTINGS = new FunctionSettings("python3.12", "app.handler",
            "arn:aws:iam::000000000000:role/test", 128, 3, Map.of(), List.of());
    private static final CodeZip A = zipOf("app.py", "a");
    private static final CodeZip B = zipOf("app.py", "b");
    private static final CodeZip C = zipOf("app.py", "c");

    @TempDir
    Path home;

    private LocalLambda lambda;
    private BlobStore blobs;
    private Path store;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        store = home.resolve("local");
        blobs = new BlobStore(store.resolve("blobs"));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    /** v1 = A (aliased), v2 = B, v3 = C = $LATEST. */
    private void threeReleases(String name) {
        lambda.createFunction(new NewFunction(name, SETTINGS, "", A, Map.of()));
        lambda.publishVersion(name, "one", Optional.empty(), Optional.empty());
        lambda.updateFunctionCode(name, B, Optional.empty());
        lambda.publishVersion(name, "two", Optional.empty(), Optional.empty());
        lambda.updateFunctionCode(name, C, Optional.empty());
        lambda.publishVersion(name, "three", Optional.empty(), Optional.empty());
        lambda.createAlias(name, new AliasSpec("live", "1", Optional.empty(), ""));
    }

    private Path unpacked(CodeZip code) throws Exception {
        Path dir = Files.createDirectories(store.resolve("code").resolve(code.sha256Hex()));
        Path file = Files.writeString(dir.resolve("app.py"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x")); // stricter than CodeCache's
        Files.writeString(dir.resolveSibling(code.sha256Hex() + ".tree"), "hash\n"); // CodeCache's side files
        Files.createFile(dir.resolveSibling(code.sha256Hex() + ".lock"));
        return dir;
    }

    @Test
    void deletesTheCodeOfDeletedVersionsAndKeepsWhatVersionsAliasesAndLatestUse() throws Exception {
        threeReleases("f");
        Path unpackedA = unpacked(A);
        Path unpackedB = unpacked(B);
        lambda.deleteVersion("f", 2);

        StoreGc.Report report = new StoreGc(lambda).collect();

        assertThat(report.blobs()).isEqualTo(1);
        assertThat(report.blobBytes()).isEqualTo(B.size());
        assertThat(report.codeFolders()).isEqualTo(1);
        assertThat(blobs.exists(B.sha256Hex())).isFalse();
        assertThat(blobs.exists(A.sha256Hex())).as("aliased v1").isTrue();
        assertThat(blobs.exists(C.sha256Hex())).as("v3 and $LATEST").isTrue();
        assertThat(unpackedB).doesNotExist();
        assertThat(unpackedB.resolveSibling(B.sha256Hex() + ".tree")).doesNotExist();
        assertThat(unpackedB.resolveSibling(B.sha256Hex() + ".lock")).doesNotExist();
        assertThat(unpackedA).exists();
        assertThat(unpackedA.resolveSibling(A.sha256Hex() + ".tree")).exists();
        assertThat(lambda.readCode(A.codeSha256())).isPresent();
        assertThat(lambda.readCode(B.codeSha256())).isEmpty();
        assertThat(new StoreGc(lambda).collect().blobs()).as("a second run finds nothing").isZero();
    }

    @Test
    void destroyingAFunctionFreesItsCodeAndItsLogs() throws Exception {
        threeReleases("f");
        threeReleases("g"); // shares the code
        insertLog("f", System.currentTimeMillis(), "x".repeat(1000), 50);
        insertLog("g", System.currentTimeMillis(), "y".repeat(1000), 5);
        lambda.deleteFunction("f");

        StoreGc.Report shared = new StoreGc(lambda).collect();
        assertThat(shared.blobs()).as("g still uses every blob").isZero();
        assertThat(shared.logEvents()).isEqualTo(50);
        assertThat(shared.logBytes()).isEqualTo(50_000);
        assertThat(count("SELECT count(*) FROM log_events WHERE function = 'g'")).isEqualTo(5);

        lambda.deleteFunction("g");
        StoreGc.Report all = new StoreGc(lambda).collect();
        assertThat(all.blobs()).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM code")).isZero();
        assertThat(count("SELECT count(*) FROM log_events")).isZero();
        assertThat(count("SELECT count(*) FROM log_groups")).isZero();
    }

    @Test
    void neverDeletesABlobAConcurrentWriterIsWriting() throws Exception {
        CodeZip d = zipOf("app.py", "d");
        BlobIntents intents = new BlobIntents(lambda.database(), blobs);
        long intent = intents.begin(d.sha256Hex()); // a writer between its blob and its row
        blobs.put(d.sha256Hex(), d.bytes());
        Path itsPart = Files.createFile(blobs.partsFolder().resolve(d.sha256Hex() + ".123.part"));

        new StoreGc(lambda).collect();

        assertThat(blobs.exists(d.sha256Hex())).isTrue();
        assertThat(itsPart).exists();
        lambda.database().write(c -> {
            BlobIntents.complete(c, intent); // ...and then its row commits
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO code(sha, hex, size) VALUES (?, ?, ?)")) {
                ps.setString(1, d.codeSha256());
                ps.setString(2, d.sha256Hex());
                ps.setLong(3, d.size());
                ps.executeUpdate();
            }
            return null;
        });
        new StoreGc(lambda).collect();
        assertThat(blobs.exists(d.sha256Hex())).as("no version uses it once the writer is done").isFalse();
    }

    @Test
    void deletesBlobsNoRowNamesAndPartsNoWriterOwns() throws Exception {
        threeReleases("f");
        String stray = "f".repeat(64);
        blobs.put(stray, new byte[1000]);
        Path part = Files.createFile(blobs.partsFolder().resolve("e".repeat(64) + ".99.part"));
        Path unpack = Files.createDirectories(store.resolve("code/.unpack-123"));
        Files.setLastModifiedTime(unpack, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000));
        Path discarded = Files.createDirectories(store.resolve("code/.discarded-456"));
        Files.setLastModifiedTime(discarded, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3600_000));

        StoreGc.Report report = new StoreGc(lambda).collect();

        assertThat(blobs.exists(stray)).isFalse();
        assertThat(part).doesNotExist();
        assertThat(unpack).as("an unpack abandoned hours ago").doesNotExist();
        assertThat(discarded).as("a tampered tree the cache could not delete").doesNotExist();
        assertThat(report.blobs()).isEqualTo(1);
        assertThat(blobs.exists(A.sha256Hex())).isTrue();
    }

    @Test
    void theDatabaseFileShrinksBackAfterItsRowsAreDeleted() throws Exception {
        threeReleases("f");
        lambda.database().compact();
        long before = lambda.database().sizeOnDisk();
        threeReleases("big");
        insertLog("big", System.currentTimeMillis(), "z".repeat(4000), 2000); // ~8 MB
        lambda.database().compact();
        assertThat(lambda.database().sizeOnDisk()).isGreaterThan(before + 7_000_000);
        lambda.deleteFunction("big");

        StoreGc.Report report = new StoreGc(lambda).collect();

        long after = lambda.database().sizeOnDisk();
        System.out.printf("database: %,d bytes before the logs, %,d with them, %,d after gc (freed %,d)%n",
                before, before + 8_000_000, after, report.freedBytes());
        assertThat(after).isLessThan((long) (before * 1.1) + 64 * 1024);
        assertThat(report.freedBytes()).isGreaterThan(7_000_000);
    }

    private void insertLog(String function, long at, String message, int rows) {
        lambda.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_events(function, stream, at, message) VALUES (?, 's', ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, function);
                    ps.setLong(2, at);
                    ps.setString(3, message);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            io.lambdoku.local.logs.LogRetention.recorded(c, function, (long) message.length() * rows, at);
            return null;
        });
    }

    private long count(String sql) {
        return lambda.database().read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                return rs.getLong(1);
            }
        });
    }
}
