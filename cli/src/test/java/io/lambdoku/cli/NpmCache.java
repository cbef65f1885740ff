package io.lambdoku.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * npm packages at pinned versions, installed once into a cache outside the repository
 * (~/.cache/lambdoku-test/npm/NAME@VERSION) and reused by every later run and every checkout. Where npm
 * cannot reach its registry the test is skipped loudly, or fails when LAMBDOKU_REQUIRE_NPM=1 (CI).
 */
final class NpmCache {

    private static final String REQUIRE = "LAMBDOKU_REQUIRE_NPM";

    private final Path root;

    NpmCache(Path root) {
        this.root = root;
    }

    static NpmCache inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new NpmCache(cache.resolve("lambdoku-test").resolve("npm"));
    }

    /** The node_modules folder holding {@code name} at exactly {@code version}, installing it the first time. */
    Path nodeModules(String name, String version) throws Exception {
        Path folder = root.resolve(name.replace('/', '+') + "@" + version);
        if (installed(folder, name)) {
            return folder.resolve("node_modules");
        }
        if (!onPath("node") || !onPath("npm")) {
            ClientScript.unavailable("node and npm are not both installed, so " + name + " cannot run", REQUIRE);
        }
        Files.createDirectories(root);
        // Installed beside its final place and renamed at once: a concurrent run never sees half a package.
        Path staging = Files.createTempDirectory(root, "installing-");
        try {
            install(staging, name + "@" + version);
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!installed(folder, name)) {
                throw e;
            } // else another run was first, with the same pinned version
        } finally {
            deleteTree(staging);
        }
        return folder.resolve("node_modules");
    }

    private static boolean installed(Path folder, String name) {
        return Files.isRegularFile(folder.resolve("node_modules").resolve(name).resolve("package.json"));
    }

    /** Asks the registry first, once and quickly: offline, npm install retries for minutes before it gives up. */
    private static void install(Path prefix, String spec) throws Exception {
        Run ping = npm(prefix, 60, "ping", "--fetch-retries=0");
        if (ping.exit != 0) {
            ClientScript.unavailable("npm cannot reach its registry to install " + spec + ": " + errorLines(ping.output), REQUIRE);
        }
        Run install = npm(prefix, 300, "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), spec);
        if (install.exit != 0) {
            fail("npm install " + spec + " failed although the registry answers:\n" + install.output);
        }
    }

    private static String errorLines(String npmOutput) {
        List<String> errors = npmOutput.lines().filter(l -> l.startsWith("npm error") || l.contains("no answer within"))
                .limit(4).toList();
        return errors.isEmpty() ? npmOutput.strip() : String.join(" / ", errors);
    }

    private record Run(int exit, String output) {
    }

    /** A timed-out npm counts as a failed one. */
    private static Run npm(Path dir, int seconds, String... args) throws Exception {
        Path log = Files.createTempFile(dir.getParent(), "npm", ".log");
        try {
            Process p = new ProcessBuilder(Stream.concat(Stream.of("npm"), Stream.of(args)).toList())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return finished ? new Run(p.exitValue(), output) : new Run(-1, output + "\n(no answer within " + seconds + " s)");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv("PATH").split(":")).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
