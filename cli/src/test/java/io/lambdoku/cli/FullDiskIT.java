package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a full disk printed "Unexpected failure: java.io.UncheckedIOException…". On a 3 MB tmpfs
 * mounted for the test (root only; skipped loudly otherwise), every command says one sentence and
 * leaves no half-written file behind.
 */
class FullDiskIT {

    @TempDir
    Path scratch;

    private Path tiny;
    private boolean mounted;
    private CliRunner cli;

    @BeforeEach
    void mount() throws Exception {
        tiny = Files.createDirectories(scratch.resolve("tiny"));
        boolean root = "root".equals(System.getProperty("user.name"));
        mounted = root && run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", tiny.toString()) == 0;
        if (!mounted) {
            System.err.println("SKIPPED FullDiskIT: needs root to mount a small tmpfs (user " + System.getProperty("user.name") + ")");
        }
        Assumptions.assumeTrue(mounted, "FullDiskIT needs root to mount a small tmpfs");
        cli = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_HOME", tiny.resolve("home").toString()));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", "-l", tiny.toString());
        }
    }

    private String sentence() {
        return "No space left on device under " + tiny.resolve("home/local") + "; free space or set LAMBDOKU_HOME elsewhere.";
    }

    @Test
    void everyCommandSaysTheDiskIsFullInOneSentenceAndLeavesNoDebris() throws Exception {
        Path small = code("small", 100);
        cli.run("create", "f", "--code", small.toString(), "--runtime", "python3.12", "--handler", "app.handler").succeeded();

        // code bigger than the space left: the blob cannot be written
        cli.run("create", "big", "--code", code("big", 4 << 20).toString(), "--runtime", "python3.12", "--handler", "app.handler")
                .failedWith(1, sentence());
        assertNoDebris();
        cli.run("apps").succeeded().outContains("f");

        Path filler = fill();
        cli.run("config:set", "-a", "f", "AA=1").failedWith(1, sentence());
        cli.run("invoke", "-a", "f").failedWith(1, sentence());
        cli.run("push", code("other", 200_000).toString(), "-a", "f").failedWith(1, sentence());
        assertNoDebris();

        // a store made on a full disk
        CliRunner fresh = new CliRunner(scratch).withEnv(Map.of("LAMBDOKU_HOME", tiny.resolve("home2").toString()));
        CliRunner.Result apps = fresh.run("apps");
        assertThat(apps.exit()).isEqualTo(1);
        assertThat(apps.err().strip()).isEqualTo("Error: No space left on device under " + tiny.resolve("home2/local")
                + "; free space or set LAMBDOKU_HOME elsewhere.");

        Files.delete(filler);
        cli.run("config:set", "-a", "f", "AA=1").succeeded();
        cli.run("invoke", "-a", "f").succeeded();
        assertNoDebris();
    }

    private Path code(String name, int bytes) throws IOException {
        Path dir = Files.createDirectories(scratch.resolve(name));
        Files.writeString(dir.resolve("app.py"), "def handler(event, context):\n    return 1\n");
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        Files.write(dir.resolve("data.bin"), data);
        return dir;
    }

    /** Writes a file until the tmpfs is full. */
    private Path fill() throws IOException {
        Path filler = tiny.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            return filler;
        }
    }

    private void assertNoDebris() throws IOException {
        try (Stream<Path> all = Files.walk(tiny)) {
            List<String> debris = all.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".part") || n.startsWith(".unpack-") || n.endsWith(".tmp")).toList();
            assertThat(debris).as("half-written files").isEmpty();
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
