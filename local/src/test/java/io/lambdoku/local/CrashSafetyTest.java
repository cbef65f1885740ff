package io.lambdoku.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.StoredCode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 a writer at random moments; the store must open clean every time. */
class CrashSafetyTest {

    @TempDir
    Path home;

    @Test
    void aKilledWriterLeavesNoHalfWrittenStateBehind() throws Exception {
        for (int round = 0; round < 4; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), home.toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream()));
            assertThat(out.readLine()).as("writer output").isEqualTo("ready");
            Thread.sleep(200 + ThreadLocalRandom.current().nextInt(600));
            writer.destroyForcibly(); // SIGKILL
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertStoreIsConsistent();
        }
    }

    private void assertStoreIsConsistent() throws Exception {
        try (LocalLambda reopened = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO))) {
            FunctionConfig latest = reopened.getFunction("victim", FunctionConfig.LATEST);
            assertThat(reopened.hasCode(new StoredCode(latest.codeSha256(), latest.name(), 1))).isTrue();
            for (FunctionConfig v : reopened.listVersions("victim")) {
                assertThat(reopened.readCode(v.codeSha256())).as("blob of version %s", v.version()).isPresent();
            }
        }
        Path local = home.resolve("local");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + local.resolve("lambdoku.db"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            Set<String> rows = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT hex FROM code")) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM blob_intents")) {
                assertThat(rs.getInt(1)).as("intents left by the dead writer").isZero();
            }
            Set<String> blobs = new HashSet<>();
            try (Stream<Path> files = Files.list(local.resolve("blobs/sha256"))) {
                files.forEach(f -> blobs.add(f.getFileName().toString()));
            }
            assertThat(blobs).as("blobs without rows or rows without blobs").isEqualTo(rows);
            try (Stream<Path> parts = Files.list(local.resolve("blobs/tmp"))) {
                assertThat(parts).as("half-written blobs").isEmpty();
            }
        }
    }
}
