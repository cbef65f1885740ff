package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A script driving a client we did not write (boto3, the JavaScript SDK) against an endpoint, run as
 * a subprocess with throwaway keys and no user AWS config. Scripts live in test resources under
 * clients/ and exit non-zero naming the first mismatch; their output is the test's evidence.
 */
final class ClientScript {

    record Result(String name, int exit, String output, Duration took) {

        /** Exited 0; otherwise fails showing everything the script printed. */
        Result succeeded() {
            assertThat(exit).as("%s exited %d after %d s; its output:%n%s", name, exit, took.toSeconds(), output).isZero();
            return this;
        }
    }

    private ClientScript() {
    }

    /** The script's file, as the build copied it from src/test/resources/clients. */
    static Path resource(String name) throws Exception {
        return Path.of(ClientScript.class.getResource("/clients/" + name).toURI());
    }

    /** Runs {@code command} in {@code scratch}, stdout and stderr together, killing it after {@code timeout}. */
    static Result run(Path scratch, Map<String, String> env, Duration timeout, List<String> command) throws Exception {
        String name = Path.of(command.get(command.size() > 1 ? 1 : 0)).getFileName().toString();
        Path log = Files.createTempFile(scratch, name, ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        AwsCli.isolate(pb.environment(), scratch);
        pb.environment().putAll(env);
        long started = System.nanoTime();
        Process p = pb.start();
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("%s (%d s):%n%s%n", name, took.toSeconds(), output);
        if (!finished) {
            fail(name + " did not finish within " + timeout.toSeconds() + " s; its output so far:\n" + output);
        }
        return new Result(name, p.exitValue(), output, took);
    }

    /** A client missing here skips its test loudly, or fails it when {@code requireVariable}=1 (CI). */
    static void unavailable(String why, String requireVariable) {
        if ("1".equals(System.getenv(requireVariable))) {
            fail(why + ", but " + requireVariable + "=1 requires it.");
        }
        System.err.println("!!! SKIPPED: " + why + " (" + requireVariable + "=1 makes this a failure) !!!");
        Assumptions.abort("SKIPPED: " + why);
    }
}
