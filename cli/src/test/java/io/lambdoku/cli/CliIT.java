package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.pipeline.Pipeline;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's flow and every bad input, through the packaged launcher. */
@SuppressWarnings("unchecked")
class CliIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    private String example() {
        return cli.repo().resolve("examples/hello-python").toString();
    }

    @Test
    void quickStartFlow() throws Exception {
        cli.run("create", "hello", "--code", example(), "--runtime", "python3.12", "--handler", "app.handler")
                .succeeded().outContains("Released v1 of hello: Create");
        cli.run("config:set", "-a", "hello", "DB_URL=postgres://u:p@h/db?x=1", "GREETING=it's \"hi\" ünï", "EMPTY=")
                .succeeded().outContains("v2");
        cli.run("config", "-a", "hello").succeeded()
                .outContains("DB_URL='postgres://u:p@h/db?x=1'\n")
                .outContains("GREETING='it'\\''s \"hi\" ünï'\n");
        Map<String, Object> json = JSON.std.mapFrom(cli.run("config", "-a", "hello", "--json").succeeded().out());
        assertThat(json).containsEntry("GREETING", "it's \"hi\" ünï").containsEntry("EMPTY", "");

        cli.run("config:set", "-a", "hello", "EMPTY=").succeeded().outContains("No release made");
        cli.run("apps:update", "-a", "hello", "--memory", "256", "--timeout", "10").succeeded()
                .outContains("Update memory 128 -> 256, timeout 3 -> 10");
        cli.run("config:unset", "-a", "hello", "EMPTY").succeeded().outContains("Unset EMPTY");

        String releases = cli.run("releases", "-a", "hello").succeeded().out();
        assertThat(releases.lines().toList()).hasSize(4);
        assertThat(releases.lines().findFirst().orElseThrow())
                .matches("v4 \\| Unset EMPTY \\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        List<Object> list = JSON.std.listFrom(cli.run("releases", "-a", "hello", "--json").succeeded().out());
        assertThat(list).hasSize(4);
        assertThat((Map<Object, Object>) list.get(0)).containsEntry("version", "4").containsKeys("description", "created", "codeSha256");

        cli.run("releases:info", "-a", "hello", "v2", "--reveal").succeeded().outContains("+ DB_URL=postgres://u:p@h/db?x=1");

        cli.run("rollback", "-a", "hello", "v2").succeeded().outContains("Rollback to v2");
        Map<String, Object> info = JSON.std.mapFrom(cli.run("apps:info", "-a", "hello", "--json").succeeded().out());
        assertThat(info).containsEntry("memorySize", 128).containsEntry("timeout", 3);
        assertThat(cli.run("config", "-a", "hello").out()).contains("EMPTY=''");
    }

    @Test
    void pipelinePromoteCopiesCodeAndKeepsDownstreamConfig() throws Exception {
        cli.run("create", "dev", "--code", example()).succeeded();
        cli.run("create", "prod").succeeded();
        cli.run("config:set", "-a", "prod", "DB=prod-db").succeeded();
        cli.run("apps:update", "-a", "prod", "--memory", "1024").succeeded();
        cli.run("pipeline:add", "-a", "dev", "prod").succeeded().outContains("dev -> prod");

        cli.run("pipeline:promote", "-a", "dev").succeeded().outContains("Promote v1 from dev");

        Map<String, Object> dev = JSON.std.mapFrom(cli.run("apps:info", "-a", "dev", "--json").out());
        Map<String, Object> prod = JSON.std.mapFrom(cli.run("apps:info", "-a", "prod", "--json").out());
        assertThat(prod.get("codeSha256")).isEqualTo(dev.get("codeSha256"));
        assertThat(prod).containsEntry("memorySize", 1024);
        cli.run("config", "-a", "prod").succeeded().outContains("DB='prod-db'");
        cli.run("config", "-a", "dev", "--json").succeeded().outContains("{ }");
    }

    @Test
    void initLetsCommandsOmitTheAppAndSeveralAppsRunInTurn() throws Exception {
        cli.run("create", "one").succeeded();
        cli.run("create", "two").succeeded();
        cli.run("init", "one").succeeded();
        assertThat(Files.readString(cli.cwd().resolve(".lambdoku"))).contains("app=one");

        cli.run("config:set", "MODE=x").succeeded().outContains("of one");
        cli.run("config:set", "-a", "one", "-a", "two", "LEVEL=3").succeeded()
                .outContains("=== one").outContains("=== two");
        cli.run("config:get", "-a", "two", "LEVEL").succeeded().outContains("3");
    }

    @Test
    void theOriginalLambdokusFileHoldingABareNameOrArnIsRead() throws Exception {
        cli.run("create", "hello").succeeded();
        Files.writeString(cli.cwd().resolve(".lambdoku"), "hello");
        cli.run("config:set", "MODE=x").succeeded().outContains("of hello");

        // An ARN implies the aws backend, as with -a; --backend local keeps this test off the network.
        Files.writeString(cli.cwd().resolve(".lambdoku"), "arn:aws:lambda:us-east-1:000000000000:function:hello\n");
        cli.run("config", "--backend", "local").succeeded().outContains("MODE='x'");
    }

    @Test
    void aGarbageFileBlocksNeitherAppNorInit() throws Exception {
        cli.run("create", "hello").succeeded();
        Path file = cli.cwd().resolve(".lambdoku");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, '{', '\n', 'x', ' ', 'y', '\n'});

        cli.run("config:set", "-a", "hello", "MODE=x").succeeded().outContains("of hello");
        cli.run("config").failedWith(2, "/.lambdoku is not UTF-8 text").failedWith(2, "run 'lambdoku init NAME'");
        Files.writeString(file, "app=not a function name\n");
        cli.run("config").failedWith(2, "/.lambdoku holds 'not a function name'").failedWith(2, "lambdoku init NAME");

        cli.run("init", "hello").succeeded();
        assertThat(Files.readString(file)).contains("app=hello");
        cli.run("config").succeeded().outContains("MODE='x'");
    }

    @Test
    void pipelineImportMovesDownstreamLambdasIntoThePipelineInOneRelease() throws Exception {
        cli.run("create", "dev").succeeded();
        cli.run("create", "stage").succeeded();
        cli.run("create", "prod").succeeded();
        cli.run("pipeline:add", "-a", "dev", "stage").succeeded();
        cli.run("config:set", "-a", "dev", "KEEP=1",
                "DOWNSTREAM_LAMBDAS=prod,arn:aws:lambda:us-east-1:000000000000:function:stage").succeeded();
        int releases = cli.run("releases", "-a", "dev").succeeded().out().lines().toList().size();

        cli.run("pipeline", "import", "-a", "dev").succeeded()
                .outContains("Import pipeline from DOWNSTREAM_LAMBDAS").outContains("dev -> stage, prod");

        List<String> after = cli.run("releases", "-a", "dev").succeeded().out().lines().toList();
        assertThat(after).hasSize(releases + 1);
        assertThat(after.get(0)).contains("| Import pipeline from DOWNSTREAM_LAMBDAS |");
        try (LocalLambda store = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", cli.home().toString())))) {
            assertThat(store.listTags("dev")).containsEntry(Pipeline.TAG, "stage,prod");
        }
        Map<String, Object> env = JSON.std.mapFrom(cli.run("config", "-a", "dev", "--json").succeeded().out());
        assertThat(env).containsOnlyKeys("KEEP");
        cli.run("pipeline", "-a", "dev").succeeded().outContains("dev -> stage, prod");

        cli.run("pipeline:import", "-a", "dev").failedWith(1, "dev has no DOWNSTREAM_LAMBDAS config var");
        assertThat(cli.run("releases", "-a", "dev").succeeded().out().lines()).hasSize(releases + 1);
        cli.run("pipeline", "-a", "dev").succeeded().outContains("dev -> stage, prod");
    }

    @Test
    void badInputGetsOneSentenceAnExitCodeAndChangesNothing() throws Exception {
        cli.run("create", "acc", "--code", example()).succeeded();
        Files.writeString(cli.cwd().resolve("corrupt.zip"), "PK\u0003\u0004 definitely not a zip");

        cli.run("config", "-a", "nope").failedWith(1, "Function nope does not exist");
        cli.run("releases:info", "-a", "acc", "999").failedWith(1, "No release v999 for function acc; newest is v1");
        cli.run("rollback", "-a", "acc", "7").failedWith(1, "No release v7");
        cli.run("config:set", "-a", "acc", "1BAD=x").failedWith(1, "argument 1: the text before '=' is not a config var name");
        cli.run("config:set", "-a", "acc", "AWS_REGION=x").failedWith(1, "reserved");
        cli.run("config:set", "-a", "acc", "BIG=" + "x".repeat(4100)).failedWith(1, "4 KB");
        cli.run("config:set", "-a", "acc", "NOEQUALS").failedWith(1, "argument 1 is not NAME=value");
        cli.run("config").failedWith(2, "No app given and no .lambdoku file here");
        cli.run("push", "-a", "acc", "corrupt.zip").failedWith(1, "corrupt zip");
        cli.run("push", "-a", "acc", "no-such-dir").failedWith(1, "No such folder or zip file");
        cli.run("apps:destroy", "acc").failedWith(1, "--confirm acc");
        cli.run("apps:destroy", "acc", "--confirm", "other").failedWith(1, "--confirm acc");
        cli.run("create", "acc").failedWith(1, "already exists");
        cli.run("config:set", "-a", "acc", "--bogus").failedWith(1, "argument 1 starts with '-' but is no option");
        cli.run("config:unset", "-a", "acc", "MODE", "--bogus").failedWith(2, "Unknown option");
        cli.run("no-such-command").failedWith(2, "not a lambdoku command");

        assertThat(cli.run("releases", "-a", "acc").succeeded().out().lines()).hasSize(1);
        assertThat(cli.run("config", "-a", "acc", "--json").succeeded().out()).contains("{ }");
        cli.run("apps:destroy", "acc", "--confirm", "acc").succeeded().outContains("Destroyed acc");
        cli.run("apps").succeeded();
    }

    @Test
    void pushOfAnEmptyZipOrOneWithoutTheHandlerIsRefusedAndMakesNoRelease() throws Exception {
        cli.run("create", "acc", "--code", example()).succeeded();
        Files.write(cli.cwd().resolve("empty.zip"), new byte[] {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Files.write(cli.cwd().resolve("other.zip"), FunctionZip.of("main.py", "def handler(e, c):\n    return 1\n"));
        Files.createDirectories(cli.cwd().resolve("empty-dir"));

        cli.run("push", "-a", "acc", "empty.zip").failedWith(1, "The package is empty");
        cli.run("push", "-a", "acc", "empty-dir").failedWith(1, "The package is empty");
        cli.run("push", "-a", "acc", "other.zip").failedWith(1, "Handler app.handler needs app.py in the package")
                .failedWith(1, "apps:update --handler");

        assertThat(cli.run("releases", "-a", "acc").succeeded().out().lines()).hasSize(1);
        cli.run("apps:update", "-a", "acc", "--handler", "main.handler").succeeded();
        cli.run("push", "-a", "acc", "other.zip").succeeded().outContains("Released v3 of acc: Push");
    }

    @Test
    void aZip64PackageOfOver65535EntriesIsAccepted() throws Exception {
        cli.run("create", "acc", "--code", example()).succeeded();
        Path zip64 = cli.cwd().resolve("zip64.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip64))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("app.py"));
            zip.write("def handler(event, context):\n    return 'many'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int i = 0; i < 70_000; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("data/" + i));
                zip.closeEntry();
            }
        }

        cli.run("push", "-a", "acc", "zip64.zip").succeeded().outContains("Released v2 of acc: Push");
        cli.run("push", "-a", "acc", "zip64.zip").succeeded().outContains("No release made");
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        CliRunner.Result r = cli.run("config", "-a", "nope", "--debug");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ResourceNotFoundException").contains("\tat ");
    }
}
