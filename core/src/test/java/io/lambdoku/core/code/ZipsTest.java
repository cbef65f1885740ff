package io.lambdoku.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipsTest {

    @Test
    void sameTreeGivesSameCodeShaWhateverTheMtimes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.py"), "x = 1\n");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/util.py"), "y = 2\n");
        String first = Zips.load(dir).codeSha256();

        Files.setLastModifiedTime(dir.resolve("app.py"), FileTime.fromMillis(1_000_000L));

        assertThat(Zips.load(dir).codeSha256()).isEqualTo(first);
    }

    @Test
    void codeShaIsBase64OfSha256OfTheZipBytes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("app.py"), "x = 1\n");
        Path zip = dir.resolve("code.zip");
        Files.write(zip, Zips.load(dir).bytes());

        byte[] bytes = Files.readAllBytes(zip);
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(Zips.load(zip).codeSha256()).isEqualTo(expected);
        assertThat(Zips.load(zip).size()).isEqualTo(bytes.length);
    }

    @Test
    void refusesCorruptZipsAndMissingPaths(@TempDir Path dir) throws Exception {
        Path notZip = dir.resolve("bad.zip");
        Files.writeString(notZip, "this is not a zip");
        Path good = dir.resolve("src");
        Files.createDirectories(good);
        Files.writeString(good.resolve("a.txt"), "a".repeat(10_000));
        byte[] bytes = Zips.load(good).bytes();
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Zips.load(notZip)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("not a zip");
        assertThatThrownBy(() -> Zips.load(truncated)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("corrupt");
        assertThatThrownBy(() -> Zips.load(dir.resolve("missing"))).hasMessageContaining("No such folder");
    }

    @Test
    void aZip64ArchiveOfMoreThan65535EntriesIsAccepted(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(buffer)) {
            for (int i = 0; i < 70_001; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("f/" + i + ".txt"));
                zip.closeEntry();
            }
        }
        byte[] bytes = buffer.toByteArray();
        Path zip64 = dir.resolve("big.zip");
        Files.write(zip64, bytes);

        assertThat(Zips.load(zip64).size()).isEqualTo(bytes.length);
        assertThat(Zips.entryNames(Zips.load(zip64))).hasSize(70_001);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 200));
        assertThatThrownBy(() -> Zips.load(cut)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("corrupt");
    }
}
