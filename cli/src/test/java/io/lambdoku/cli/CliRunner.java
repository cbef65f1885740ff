package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged ./lambdoku launcher as a user would, in a scratch store and folder. */
final class CliRunner {

    private final Path repo = Path.of(System.getProperty("lambdoku.repo", "..")).toAbsolutePath().normalize();
    private final Path home;
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();

    private static boolean prepared;

    CliRunner(Path scratch) throws IOException {
        this.home = Files.createDirectories(scratch.resolve("home"));
        this.cwd = Files.createDirectories(scratch.resolve("work"));
        prepare();
    }

    /**
     * The launcher's once-per-build note ("preparing fast start") is not part of any command's output: it is made
     * here for the local commands' JDK and for the aws commands' (a JDK 25+ beside the default, when there is one).
     */
    private synchronized void prepare() throws IOException {
        synchronized (CliRunner.class) {
            if (!prepared) {
                try {
                    start("--version").waitFor(300, TimeUnit.SECONDS);
                    start("--backend", "aws", "--version").waitFor(300, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                prepared = true;
            }
        }
    }

    /** Adds variables to the environment of every later process, e.g. to point it at moto. */
    CliRunner withEnv(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    Path home() {
        return home;
    }

    Path cwd() {
        return cwd;
    }

    Path repo() {
        return repo;
    }

    Process start(String... args) throws IOException {
        return start(List.of(repo.resolve("lambdoku").toString()), Map.of(), args);
    }

    /** Runs with {@code once} added to the environment of this run alone (e.g. a JVM option to observe it). */
    Result runWithEnv(Map<String, String> once, String... args) throws Exception {
        return collect(start(List.of(repo.resolve("lambdoku").toString()), once, args), "", args);
    }

    /**
     * Main in a JVM of this test's java with our jar alone on its class path, as the launcher starts a command it expects
     * to stay local, but not through the launcher; same environment as {@link #run}.
     */
    Result runOnOurJarAlone(String... args) throws Exception {
        return collect(start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                repo.resolve("cli/target/lambdoku.jar").toString(), Main.class.getName()), Map.of(), args), "", args);
    }

    private Process start(List<String> program, Map<String, String> once, String... args) throws IOException {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        Map<String, String> env = pb.environment();
        env.put("LAMBDOKU_HOME", home.toString());
        env.put("LAMBDOKU_CACHE", repo.resolve("cli/target/lambdoku-cache").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString()); // the aws backend's fingerprint key
        env.remove("LAMBDOKU_BACKEND");
        env.putAll(this.env);
        env.putAll(once);
        return pb.start();
    }

    Result run(String... args) throws Exception {
        return runWithInput("", args);
    }

    /** Runs with {@code input} on standard input (then closed), as {@code echo input | lambdoku ...} would. */
    Result runWithInput(String input, String... args) throws Exception {
        return collect(start(args), input, args);
    }

    private static Result collect(Process p, String input, String... args) throws Exception {
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(String.join(" ", args), p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    record Result(String command, int exit, String out, String err) {

        Result succeeded() {
            assertThat(exit).as("exit of '%s'; stderr: %s", command, err).isZero();
            return this;
        }

        /** Failed with one clear sentence on stderr and no stack trace. */
        Result failedWith(int code, String fragment) {
            assertThat(exit).as("exit of '%s'", command).isEqualTo(code);
            assertThat(err.strip().lines()).as("stderr of '%s'", command).hasSize(1);
            assertThat(err).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }

        /** Exited with {@code code} and no error output, e.g. diff --exit-code's 3. */
        Result failedWithCode(int code) {
            assertThat(exit).as("exit of '%s'; stderr: %s", command, err).isEqualTo(code);
            return this;
        }

        Result outContains(String text) {
            assertThat(out).contains(text);
            return this;
        }
    }
}
