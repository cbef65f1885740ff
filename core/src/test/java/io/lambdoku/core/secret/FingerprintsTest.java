package io.lambdoku.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTest {

    @Test
    void aFingerprintIsEightHexStableUnderOneKeyAndDiffersUnderAnother() {
        Fingerprints one = new Fingerprints(new byte[32]);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        Fingerprints other = new Fingerprints(otherKey);

        assertThat(one.of("s3cr3t")).matches("[0-9a-f]{8}").isEqualTo(one.of("s3cr3t"));
        assertThat(one.of("s3cr3t")).isNotEqualTo(one.of("s3cr3u"));
        assertThat(other.of("s3cr3t")).isNotEqualTo(one.of("s3cr3t"));
    }

    @Test
    void theKeyIsMadeOnceOwnerOnlyAndKeptThereafter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store/fingerprint.key");

        byte[] first = KeyFile.loadOrCreate(file, 32);

        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(KeyFile.loadOrCreate(file, 32)).isEqualTo(first);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void writersRacingToMakeTheKeyAllEndWithTheSameOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fingerprint.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<String> load = () -> java.util.HexFormat.of().formatHex(KeyFile.loadOrCreate(file, 32));
            keys.add(pool.submit(load));
        }
        Set<String> seen = new HashSet<>();
        for (Future<String> k : keys) {
            seen.add(k.get());
        }
        pool.shutdown();

        assertThat(seen).hasSize(1);
    }

    @Test
    void aDamagedKeyIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fingerprint.key");
        Files.writeString(file, "short");

        assertThatThrownBy(() -> KeyFile.loadOrCreate(file, 32)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("delete it");
        assertThat(Files.readString(file)).isEqualTo("short");
    }
}
