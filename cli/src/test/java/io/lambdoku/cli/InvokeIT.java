package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise: deploy a folder, invoke it, read its logs and metrics, all local, no Docker. */
@SuppressWarnings("unchecked")
class InvokeIT {

    @TempDir
    java.nio.file.Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void deployThenInvokePrintsTheAnswerAndLogsAndMetricsFollow() throws Exception {
        String example = cli.repo().resolve("examples/hello-python").toString();
        cli.run("deploy", example).succeeded();
        CliRunner.Result r = cli.run("invoke", "-a", "hello", "--payload", "{\"name\":\"x\"}", "--log").succeeded();
        assertThat(JSON.std.mapFrom(r.out())).containsEntry("message", "Hello, x!");
        assertThat(r.err()).contains("START RequestId").contains("REPORT RequestId").contains("Init Duration");

        cli.run("config:set", "-a", "hello", "GREETING=Hi").succeeded();
        assertThat(JSON.std.mapFrom(cli.run("invoke", "-a", "hello").succeeded().out())).containsEntry("message", "Hi, world!");

        cli.run("logs", "-a", "hello").succeeded().outContains("START RequestId").outContains("END RequestId");
        List<Object> metrics = JSON.std.listFrom(cli.run("metrics", "-a", "hello", "--json").succeeded().out());
        assertThat(metrics.stream().mapToInt(m -> ((Number) ((Map<String, Object>) m).get("invocations")).intValue()).sum())
                .isEqualTo(2);
    }

    @Test
    void theJavaAndNodeExamplesAnswerAndAFunctionErrorExitsOne() throws Exception {
        cli.run("deploy", cli.repo().resolve("examples/hello-java").toString()).succeeded();
        assertThat(JSON.std.mapFrom(cli.run("invoke", "-a", "hello-java", "--payload", "{\"name\":\"j\"}").succeeded().out()))
                .containsEntry("message", "Hello, j!");
        cli.run("deploy", cli.repo().resolve("examples/hello-node").toString()).succeeded();
        assertThat(JSON.std.mapFrom(cli.run("invoke", "-a", "hello-node", "--payload", "{\"name\":\"n\"}").succeeded().out()))
                .containsEntry("message", "Hello, n!");

        CliRunner.Result failed = cli.run("invoke", "-a", "hello-node", "--payload", "[1,");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("Could not parse request body into json");
        cli.run("invoke", "-a", "nope").failedWith(1, "Function nope does not exist");
        cli.run("invoke", "-a", "hello-node", "--type", "Sideways").failedWith(1, "is not RequestResponse, Event or DryRun");
    }

    @Test
    void thePayloadComesFromAFileWithAtFile() throws Exception {
        cli.run("deploy", cli.repo().resolve("examples/hello-python").toString()).succeeded();
        java.nio.file.Files.writeString(cli.cwd().resolve("payload.json"), "{\"name\": \"from a file\"}");

        assertThat(JSON.std.mapFrom(cli.run("invoke", "-a", "hello", "-p", "@payload.json").succeeded().out()))
                .containsEntry("message", "Hello, from a file!");
        cli.run("invoke", "-a", "hello", "-p", "@missing.json").failedWith(2, "Cannot read the payload file");
    }

    @Test
    void withoutASandboxInvokeSaysSoOnceOnStderr() throws Exception {
        cli.run("deploy", cli.repo().resolve("examples/hello-python").toString()).succeeded();
        CliRunner.Result r = cli.withEnv(Map.of("LAMBDOKU_SANDBOX", "off")).run("invoke", "-a", "hello").succeeded();
        assertThat(JSON.std.mapFrom(r.out())).containsEntry("message", "Hello, world!");
        assertThat(r.err().split("Warning: functions run without a sandbox", -1)).hasSize(2);
        assertThat(r.err()).contains("LAMBDOKU_SANDBOX=off");
    }
}
