package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI, a client we did not write, pointed at an endpoint with throwaway keys and no user
 * config. Tests using it are skipped only where it is absent; LAMBDOKU_REQUIRE_AWS_CLI=1 (CI) forbids that.
 */
final class AwsCli {

    record Run(int exit, String out, String err) {
    }

    private final Path scratch;
    private final String endpoint;
    private final Map<String, String> env;

    AwsCli(Path scratch, String endpoint, Map<String, String> env) {
        this.scratch = scratch;
        this.endpoint = endpoint;
        this.env = Map.copyOf(env);
    }

    static void requireInstalled() {
        boolean present = List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "aws")));
        if (!present) {
            ClientScript.unavailable("the AWS CLI (aws) is not installed, so tests driving it against local serve cannot run",
                    "LAMBDOKU_REQUIRE_AWS_CLI");
        }
    }

    /** {@code aws SERVICE ARGS...}, which must succeed, its JSON output parsed. */
    Map<String, Object> json(String service, String... args) throws Exception {
        Run run = run(service, args);
        assertThat(run.exit).as("aws %s %s: %s", service, args[0], run.err).isZero();
        return JSON.std.mapFrom(run.out);
    }

    Run run(String service, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", service, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile());
        Map<String, String> e = pb.environment();
        isolate(e, scratch);
        e.putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /**
     * Makes a process environment one for an AWS client we did not write (the AWS CLI, boto3, the
     * JavaScript SDK): throwaway keys and a region, none of the user's AWS_* settings, no ~/.aws
     * config or credentials, and one attempt per call, so an error is seen as the server answered it.
     */
    static void isolate(Map<String, String> env, Path scratch) {
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(credentials());
        env.put("AWS_CONFIG_FILE", scratch.resolve("no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", scratch.resolve("no-aws-credentials").toString());
        env.put("AWS_MAX_ATTEMPTS", "1");
    }

    /** Throwaway keys and a region, for any AWS client started by a test (the AWS CLI, lambdoku's aws backend). */
    static Map<String, String> credentials() {
        Map<String, String> m = new HashMap<>();
        m.put("AWS_ACCESS_KEY_ID", "test");
        m.put("AWS_SECRET_ACCESS_KEY", "test");
        m.put("AWS_DEFAULT_REGION", "us-east-1");
        m.put("AWS_REGION", "us-east-1");
        return m;
    }
}
