package io.lambdoku.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPackageTest {

    @TempDir
    Path tmp;

    private Path tree(String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("app.py"), "def handler(e, c):\n    return 1\n");
        Files.createDirectories(dir.resolve("lib/deep"));
        Files.writeString(dir.resolve("lib/deep/util.py"), "X = 1\n".repeat(100));
        Path run = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("lambdoku.json"), "{}");
        return dir;
    }

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirTimesOrWhereTheyLive() throws Exception {
        Path a = tree("a");
        Path b = tree("elsewhere/b");
        try (var files = Files.walk(b)) {
            for (Path p : files.toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(1_700_000_000_000L));
            }
        }
        CodeZip one = FolderPackage.build(a, PackageSpec.everything());
        CodeZip two = FolderPackage.build(b, PackageSpec.everything());
        assertThat(two.bytes()).isEqualTo(one.bytes());

        PackageSpec later = new PackageSpec(List.of(), List.of(), List.of(), Map.of(), 1_700_000_000L);
        assertThat(FolderPackage.build(a, later).codeSha256()).isNotEqualTo(one.codeSha256());
    }

    @Test
    void entriesAreSortedReadableKeepTheExecutableBitAndLeaveTheManifestOut() throws Exception {
        CodeZip zip = FolderPackage.build(tree("t"), PackageSpec.everything());
        Path file = Files.write(tmp.resolve("t.zip"), zip.bytes());
        Map<String, String> contents = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                contents.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(contents.keySet()).containsExactly("app.py", "lib/deep/util.py", "run.sh");
        assertThat(contents.get("lib/deep/util.py")).isEqualTo("X = 1\n".repeat(100));
        Process unzip = new ProcessBuilder("unzip", "-Z", file.toString()).redirectErrorStream(true).start();
        String listing = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzip.waitFor()).isZero();
        assertThat(listing).containsPattern("-rwxr-xr-x .* run\\.sh").containsPattern("-rw-r--r-- .* app\\.py");
        try (ZipFile z = new ZipFile(file.toFile())) {
            assertThat(z.size()).isEqualTo(3);
        }
    }

    @Test
    void includeAndExcludeGlobsSelectFiles() throws Exception {
        Path dir = tree("g");
        PackageSpec spec = new PackageSpec(List.of("**/*.py"), List.of("lib/**"), List.of(), Map.of(), 0);
        assertThat(FolderPackage.entries(dir, spec)).extracting(ReproducibleZip.Entry::name).containsExactly("app.py");
    }

    @Test
    void tokensAreSubstitutedInTextFilesAndUnresolvedOnesAreListed() throws Exception {
        Path dir = tree("s");
        Files.writeString(dir.resolve("settings.json"), "{\n  \"url\": \"#{DbUrl}\",\n  \"stage\": \"#{Stage}\"\n}\n");
        Files.write(dir.resolve("blob.bin"), new byte[] {'#', '{', 'X', '}', 0, 1});
        PackageSpec spec = new PackageSpec(List.of(), List.of(), List.of("*.json", "*.bin"),
                Map.of("DbUrl", "postgres://db", "Stage", "prod"), 0);
        Map<String, byte[]> files = new LinkedHashMap<>();
        FolderPackage.entries(dir, spec).forEach(e -> files.put(e.name(), e.content()));
        assertThat(new String(files.get("settings.json"), StandardCharsets.UTF_8)).contains("\"postgres://db\"").contains("\"prod\"");
        assertThat(files.get("blob.bin")).containsExactly('#', '{', 'X', '}', 0, 1);

        PackageSpec missing = new PackageSpec(List.of(), List.of(), List.of("*.json"), Map.of("DbUrl", "x"), 0);
        assertThatThrownBy(() -> FolderPackage.entries(dir, missing)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("settings.json:3:#{Stage}");
    }

    @Test
    void aSymlinkOutOfTheFolderIsRefusedAndOneInsideIsPackagedAsItsFile() throws Exception {
        Path dir = tree("l");
        Files.createSymbolicLink(dir.resolve("inside.py"), dir.resolve("app.py"));
        assertThat(FolderPackage.entries(dir, PackageSpec.everything())).extracting(ReproducibleZip.Entry::name)
                .contains("inside.py");
        Files.writeString(tmp.resolve("secret.txt"), "host file");
        Files.createSymbolicLink(dir.resolve("leak.txt"), tmp.resolve("secret.txt"));
        assertThatThrownBy(() -> FolderPackage.build(dir, PackageSpec.everything()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("leak.txt points out of the folder");
    }

    @Test
    void aZipWhoseEntriesWouldUnpackOutsideIsRefused() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("../../etc/evil.py"));
            z.write(1);
            z.closeEntry();
        }
        assertThatThrownBy(() -> Zips.checked(bytes.toByteArray(), "evil.zip")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("would unpack outside");
    }
}
