package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.code.Zips;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ship a folder, through the packaged launcher: build, deploy, diff, aliases, prune, many functions. */
@SuppressWarnings("unchecked")
class DeployIT {

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void buildingTwiceOrWithOtherMtimesGivesIdenticalBytes() throws Exception {
        Path one = copyExample("hello-python", "one");
        Path two = copyExample("hello-python", "two");
        try (Stream<Path> files = Files.walk(two)) {
            for (Path p : files.toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(1_234_567_890_000L));
            }
        }
        cli.run("build", one.toString(), "-o", "a.zip").succeeded().outContains("CodeSha256");
        cli.run("build", two.toString(), "-o", "b.zip").succeeded();
        assertThat(Files.readAllBytes(cli.cwd().resolve("b.zip"))).isEqualTo(Files.readAllBytes(cli.cwd().resolve("a.zip")));
    }

    @Test
    void deployThenRedeployUnchangedMakesNoReleaseAndPromoteMovesProdWithoutUpload() throws Exception {
        Path app = copyExample("hello-python", "app");
        cli.run("deploy", app.toString(), "--alias", "test", "-m", "first").succeeded()
                .outContains("+ function hello").outContains("Released v1 of hello: Deploy").outContains("Alias test -> v1");
        Map<String, Object> again = JSON.std.mapFrom(cli.run("deploy", app.toString(), "--alias", "test", "--json")
                .succeeded().out());
        assertThat(again).containsEntry("changed", false).containsEntry("version", "1").containsEntry("function", "hello");
        assertThat(releases("hello")).hasSize(1);

        Files.writeString(app.resolve("app.py"), Files.readString(app.resolve("app.py")) + "\n# v2\n");
        cli.run("diff", app.toString(), "--exit-code").failedWithCode(3).outContains("~ function hello  size")
                .outContains("(config unchanged)");
        assertThat(releases("hello")).hasSize(1);
        Map<String, Object> v2 = JSON.std.mapFrom(cli.run("deploy", app.toString(), "--alias", "test", "--json").succeeded().out());
        assertThat(v2).containsEntry("version", "2").containsEntry("alias", "test").containsEntry("changed", true);

        cli.run("alias:promote", "-a", "hello", "test", "prod").succeeded().outContains("Alias prod -> v2");
        List<Object> aliases = JSON.std.listFrom(cli.run("aliases", "-a", "hello", "--json").succeeded().out());
        assertThat(aliases).extracting(a -> ((Map<String, Object>) a).get("name") + "=" + ((Map<String, Object>) a).get("version"))
                .containsExactlyInAnyOrder("prod=2", "test=2");
        assertThat(releases("hello")).hasSize(2);
        cli.run("diff", app.toString(), "--alias", "test", "--exit-code").succeeded().outContains("config unchanged, code unchanged");
    }

    @Test
    void configSetSinceTheLastDeployIsKeptAndManifestChangesShowInThePlan() throws Exception {
        Path app = copyExample("hello-python", "app");
        cli.run("deploy", app.toString()).succeeded();
        cli.run("config:set", "-a", "hello", "GREETING=Hi", "EXTRA=1").succeeded();
        Files.writeString(app.resolve("lambdoku.json"), Files.readString(app.resolve("lambdoku.json"))
                .replace("\"memory\": 128", "\"memory\": 256"));
        cli.run("deploy", app.toString(), "--dry-run").succeeded().outContains("memory 128 -> 256").outContains("(code unchanged)");
        cli.run("deploy", app.toString()).succeeded().outContains("Released v3");
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "hello", "--json").succeeded().out()))
                .containsEntry("GREETING", "Hi").containsEntry("EXTRA", "1");
    }

    @Test
    void theArchitectureOfTheManifestIsDeployedAndChangesAreReleases() throws Exception {
        Path app = copyExample("hello-python", "app");
        Path manifest = app.resolve("lambdoku.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"memory\": 128", "\"memory\": 128, \"architecture\": \"arm64\""));
        cli.run("deploy", app.toString()).succeeded();
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "hello", "--json").succeeded().out()))
                .containsEntry("architecture", "arm64");
        Files.writeString(manifest, Files.readString(manifest).replace("arm64", "x86_64"));
        cli.run("deploy", app.toString()).succeeded().outContains("Released v2");
        cli.run("releases:info", "-a", "hello").succeeded().outContains("architecture arm64 -> x86_64");
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "hello:1", "--json").succeeded().out()))
                .containsEntry("architecture", "arm64");
    }

    @Test
    void theNodeAndJavaExamplesDeploy() throws Exception {
        cli.run("deploy", copyExample("hello-node", "node").toString()).succeeded().outContains("Released v1 of hello-node");
        cli.run("deploy", copyExample("hello-java", "java").toString()).succeeded().outContains("Released v1 of hello-java");
    }

    @Test
    void manyFunctionsDeployTogetherAndOneFailureDoesNotStopTheOthers() throws Exception {
        Path all = Files.createDirectories(scratch.resolve("all"));
        copyExample("hello-python", "all/py");
        copyExample("hello-node", "all/node");
        Path broken = copyExample("hello-python", "all/broken");
        Files.writeString(broken.resolve("lambdoku.json"), "{\"name\": \"broken\", \"runtime\": \"python3.12\", \"handler\": \"nope.handler\"}");

        CliRunner.Result run = cli.run("deploy", all.toString(), "--parallel", "2");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("hello +deployed +v1").containsPattern("hello-node +deployed +v1")
                .containsPattern("broken +failed .*needs nope.py");
        cli.run("apps").succeeded().outContains("hello").outContains("hello-node");
        assertThat(cli.run("apps").out()).doesNotContain("broken");
    }

    @Test
    void substitutionFillsTokensFromVarsAndVarFiles() throws Exception {
        Path app = copyExample("hello-python", "sub");
        Files.writeString(app.resolve("config.txt"), "stage=#{Stage}\ndb=#{Db}\n");
        Files.writeString(app.resolve("lambdoku.json"), "{\"name\": \"sub\", \"runtime\": \"python3.12\", "
                + "\"handler\": \"app.handler\", \"substitute\": [\"*.txt\"]}");
        Files.writeString(scratch.resolve("vars.env"), "Db=postgres://x\nStage=dev\n");
        cli.run("build", app.toString(), "--var-file", scratch.resolve("vars.env").toString(), "--var", "Stage=prod",
                "-o", "sub.zip").succeeded();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(cli.cwd().resolve("sub.zip").toFile())) {
            String text = new String(zip.getInputStream(zip.getEntry("config.txt")).readAllBytes());
            assertThat(text).isEqualTo("stage=prod\ndb=postgres://x\n");
        }
        cli.run("deploy", app.toString(), "--var", "Stage=prod").failedWith(1, "config.txt:2:#{Db}");
        assertThat(cli.run("apps").out()).doesNotContain("sub");
    }

    @Test
    void everyBadManifestOrPackageIsOneClearSentenceAndChangesNothing() throws Exception {
        Path app = copyExample("hello-python", "bad");
        Path manifest = app.resolve("lambdoku.json");
        Files.writeString(manifest, "{\n  \"runtime\": \"python3.12\",\n  \"handler\": \"app.handler\",\n  \"memroy\": 256\n}");
        cli.run("deploy", app.toString()).failedWith(1, "lambdoku.json line 4: unknown key 'memroy'");
        Files.writeString(manifest, "{\n  \"runtime\": \"python3.12\",\n  \"handler\": \"app.handler\",\n  \"memory\": \"256\"\n}");
        cli.run("deploy", app.toString()).failedWith(1, "line 4: 'memory' must be a whole number");
        Files.writeString(manifest, "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"memory\": 64}");
        cli.run("deploy", app.toString()).failedWith(1, "memory 64 is out of range");
        Files.writeString(manifest, "{\"runtime\": \"python9\", \"handler\": \"app.handler\"}");
        cli.run("deploy", app.toString()).failedWith(1, "is not a Lambda runtime");
        Files.writeString(manifest, "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"environment\": {\"AWS_REGION\": \"x\"}}");
        cli.run("deploy", app.toString()).failedWith(1, "reserved");
        Files.writeString(manifest, "{\"runtime\": \"python3.12\", \"handler\": \"app.nope\"}");
        cli.run("deploy", app.toString()).failedWith(1, "defines no function nope");
        Files.writeString(manifest, "{\"runtime\": \"python3.12\"");
        cli.run("deploy", app.toString()).failedWith(1, "is not valid JSON");
        Files.writeString(manifest, "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"build\": \"exit 7\"}");
        cli.run("deploy", app.toString()).failedWith(1, "failed").failedWith(1, "exit 7");
        Files.writeString(manifest, "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\"}");
        Files.write(app.resolve("big.bin"), new java.util.Random(1).ints(0, 256).limit(51L * 1024 * 1024)
                .collect(java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> { }).toByteArray());
        cli.run("deploy", app.toString()).failedWith(1, "50 MB");
        cli.run("deploy", scratch.resolve("nowhere").toString()).failedWith(2, "No such folder or zip file");
        cli.run("deploy", Files.createDirectories(scratch.resolve("empty")).toString()).failedWith(2, "No lambdoku.json");
        assertThat(cli.run("apps", "--json").succeeded().out().strip()).isEqualTo("[ ]");
    }

    @Test
    void pruneKeepsTheNewestAndEveryAliasedRelease() throws Exception {
        Path app = copyExample("hello-python", "prune");
        cli.run("deploy", app.toString(), "--alias", "old").succeeded();
        for (int i = 2; i <= 5; i++) {
            cli.run("config:set", "-a", "hello", "N" + i + "=" + i).succeeded();
        }
        cli.run("alias:set", "-a", "hello", "canary", "3", "--weight", "2=0.1").succeeded().outContains("canary -> v3  + v2 at 10.0%");
        cli.run("releases:prune", "-a", "hello", "--keep", "1").succeeded().outContains("Deleted 1 releases of hello: v4.");
        assertThat(releases("hello")).extracting(r -> ((Map<String, Object>) r).get("version")).containsExactly("5", "3", "2", "1");
        cli.run("alias:set", "-a", "hello", "bad", "3", "--weight", "2=1.5").failedWith(1, "out of range");
        cli.run("alias:delete", "-a", "hello", "nope").failedWith(1, "has no alias nope");
    }

    @Test
    void aMessageTooLongForTheReleaseIsRefusedNamingTheLimitNotCut() throws Exception {
        Path app = copyExample("hello-python", "long");
        String message = "m".repeat(300);

        cli.run("deploy", app.toString(), "-m", message, "--dry-run").failedWith(1, "300 characters");
        cli.run("deploy", app.toString(), "-m", message).failedWith(1, "at most 256")
                .failedWith(1, "-m may have at most 240");
        assertThat(cli.run("apps", "--json").succeeded().out().strip()).isEqualTo("[ ]");
        cli.run("deploy", app.toString(), "-m", "m".repeat(240)).succeeded().outContains("Released v1");
    }

    @Test
    void aDeployKilledBetweenItsCodeWriteAndItsPublishIsReleasedByTheNextDeploy() throws Exception {
        Path app = copyExample("hello-python", "killed");
        cli.run("deploy", app.toString()).succeeded().outContains("Released v1");
        Files.writeString(app.resolve("app.py"), Files.readString(app.resolve("app.py")) + "\n# v2\n");
        cli.run("build", app.toString(), "-o", "v2.zip").succeeded();
        CodeZip v2 = Zips.load(cli.cwd().resolve("v2.zip"));
        String sha8 = v2.sha256Hex().substring(0, 8);
        // what 'deploy' had written when kill -9 struck: its message on $LATEST, then the code; no publish
        try (LocalLambda store = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", cli.home().toString())))) {
            FunctionConfig latest = store.getFunction("hello", FunctionConfig.LATEST);
            latest = store.updateFunctionConfiguration("hello", latest.settings(), Optional.of("Deploy " + sha8 + " fix"),
                    Optional.of(latest.revisionId()));
            store.updateFunctionCode("hello", v2, Optional.of(latest.revisionId()));
        }

        cli.run("diff", app.toString(), "--exit-code").failedWithCode(3)
                .outContains("$LATEST has unreleased changes (code " + sha8 + "), released first");
        CliRunner.Result next = cli.run("deploy", app.toString()).succeeded()
                .outContains("$LATEST had unreleased changes (code " + sha8 + "); released them as v2 'Deploy " + sha8 + " fix'");
        assertThat(next.out()).doesNotContain("Nothing changed");
        List<Object> releases = releases("hello");
        assertThat(releases).hasSize(2);
        assertThat((Map<String, Object>) releases.get(0)).containsEntry("description", "Deploy " + sha8 + " fix")
                .containsEntry("codeSha256", v2.codeSha256());
        cli.run("deploy", app.toString()).succeeded().outContains("Nothing changed; no release made.");
    }

    private List<Object> releases(String app) throws Exception {
        return JSON.std.listFrom(cli.run("releases", "-a", app, "--json").succeeded().out());
    }

    private Path copyExample(String example, String to) throws IOException {
        Path from = cli.repo().resolve("examples").resolve(example);
        Path dest = Files.createDirectories(scratch.resolve(to));
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = dest.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dest;
    }
}
