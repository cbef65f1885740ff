package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.AwsClients;
import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI with the aws backend against a moto_server started here: rollback and promote
 * restore code from the S3 artifact store, because moto's Code.Location cannot be downloaded.
 */
@SuppressWarnings("unchecked")
class AwsBackendOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch).withEnv(moto.environment());
    }

    @Test
    void rollbackAndPromoteRestoreCodeFromTheArtifactStore() throws Exception {
        Path one = code("one", "def handler(e, c):\n    return 'one'\n");
        Path two = code("two", "def handler(e, c):\n    return 'two'\n");
        cli.run("create", "web", "--role", MotoServer.ROLE, "--code", one.toString()).succeeded()
                .outContains("Released v1 of web");
        cli.run("config:set", "-a", "web", "GREETING=hi").succeeded().outContains("v2");
        // the aws backend's fingerprint key is the user's, under XDG_CONFIG_HOME (the runner's home/config)
        assertThat(cli.run("releases:info", "-a", "web").succeeded().out()).containsPattern("\\+ GREETING: [0-9a-f]{8}\n")
                .doesNotContain("hi\n");
        assertThat(cli.home().resolve("config/lambdoku/fingerprint.key")).exists();
        cli.run("push", "-a", "web", two.toString()).succeeded().outContains("v3");
        String shaOne = release("web", 1).get("codeSha256").toString();
        String shaTwo = release("web", 3).get("codeSha256").toString();
        assertThat(shaOne).isNotEqualTo(shaTwo);
        assertThat(bucketKeys()).contains(key(shaOne), key(shaTwo));

        cli.run("rollback", "-a", "web", "v1").succeeded().outContains("Rollback to v1");
        Map<String, Object> v4 = release("web", 4);
        assertThat(v4.get("codeSha256")).isEqualTo(shaOne);
        cli.run("config", "-a", "web", "--json").succeeded();
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "web", "--json").out())).isEmpty();

        cli.run("create", "web-prod", "--role", MotoServer.ROLE).succeeded();
        cli.run("config:set", "-a", "web-prod", "STAGE=prod").succeeded();
        cli.run("pipeline:add", "-a", "web", "web-prod").succeeded();
        cli.run("push", "-a", "web", two.toString()).succeeded();
        cli.run("pipeline:promote", "-a", "web").succeeded().outContains("web-prod");
        List<Object> prod = JSON.std.listFrom(cli.run("releases", "-a", "web-prod", "--json").succeeded().out());
        Map<String, Object> promoted = (Map<String, Object>) prod.get(0);
        assertThat(promoted.get("codeSha256")).isEqualTo(shaTwo);
        assertThat(JSON.std.mapFrom(cli.run("config", "-a", "web-prod", "--json").succeeded().out()))
                .isEqualTo(Map.of("STAGE", "prod"));
    }

    @Test
    void withoutTheBucketWritesAskForSetupAndChangeNothing() throws Exception {
        CliRunner noStore = new CliRunner(scratch.resolve("nostore")).withEnv(moto.environment())
                .withEnv(Map.of("LAMBDOKU_ARTIFACT_BUCKET", ""));
        noStore.run("create", "web", "--role", MotoServer.ROLE, "--code", code("one", "x = 1\n").toString()).succeeded();

        // locks live in the bucket: without it no write can be serialised, so none starts
        noStore.run("push", "-a", "web", code("two", "def handler(e, c):\n    return 2\n").toString())
                .failedWith(1, "run 'lambdoku setup' once");
        noStore.run("rollback", "-a", "web").failedWith(1, "run 'lambdoku setup' once");
        List<Object> releases = JSON.std.listFrom(noStore.run("releases", "-a", "web", "--json").succeeded().out());
        assertThat(releases).hasSize(1);
    }

    @Test
    void locksAndActivityLiveInTheArtifactBucket() throws Exception {
        cli.run("create", "web", "--role", MotoServer.ROLE).succeeded();
        cli.run("config:set", "-a", "web", "MODE=one").succeeded();
        assertThat(bucketKeys()).noneMatch(k -> k.startsWith("lambdoku/locks/")); // released after the write
        cli.run("lock", "-a", "web").succeeded().outContains("web is not locked.");
        cli.run("lock:break", "-a", "web", "--reason", "testing").succeeded().outContains("web is not locked");
        cli.run("activity", "-a", "web").succeeded().outContains("No activity recorded for web.");
    }

    @Test
    void badInputGetsTheSameSentencesAsOnTheLocalBackend() throws Exception {
        cli.run("config", "-a", "nope").failedWith(1, "Function nope does not exist");
        cli.run("create", "web").failedWith(2, "AWS Lambda needs an execution role");
        cli.run("create", "web", "--role", MotoServer.ROLE).succeeded();
        cli.run("rollback", "-a", "web", "7").failedWith(1, "No release v7");
        cli.run("config:set", "-a", "web", "AWS_REGION=x").failedWith(1, "reserved");
        cli.run("config", "-a", "web", "--endpoint-url", "http://127.0.0.1:9").failedWith(1, "Cannot reach http://127.0.0.1:9");
        cli.run("config", "-a", "web", "--endpoint-url", "not a url").failedWith(1, "is not an http(s) URL");
    }

    @Test
    void setupCreatesTheArtifactBucketOnce() throws Exception {
        Map<String, Object> made = JSON.std.mapFrom(cli.run("setup", "--artifact-bucket", "lambdoku-setup-test", "--json")
                .succeeded().out());
        assertThat(made).containsEntry("bucket", "lambdoku-setup-test").containsEntry("created", true);
        cli.run("setup", "--artifact-bucket", "lambdoku-setup-test").succeeded()
                .outContains("Found artifact bucket lambdoku-setup-test in us-east-1");
    }

    @Test
    void theExamplesDeployOnMotoAndAliasesPromoteWithoutUpload() throws Exception {
        for (String example : List.of("hello-python", "hello-node", "hello-java")) {
            Path dir = example(example);
            Map<String, Object> first = JSON.std.mapFrom(cli.run("deploy", dir.toString(), "--alias", "test", "--json")
                    .succeeded().out());
            assertThat(first).containsEntry("version", "1").containsEntry("changed", true);
            Map<String, Object> again = JSON.std.mapFrom(cli.run("deploy", dir.toString(), "--alias", "test", "--json")
                    .succeeded().out());
            assertThat(again).containsEntry("version", "1").containsEntry("changed", false);
        }
        int uploads = bucketKeys().size();
        cli.run("alias:promote", "-a", "hello", "test", "prod").succeeded().outContains("Alias prod -> v1");
        List<Object> aliases = JSON.std.listFrom(cli.run("aliases", "-a", "hello", "--json").succeeded().out());
        assertThat(aliases).extracting(a -> ((Map<String, Object>) a).get("name") + "=" + ((Map<String, Object>) a).get("version"))
                .containsExactlyInAnyOrder("prod=1", "test=1");
        assertThat(bucketKeys()).hasSize(uploads);
    }

    @Test
    void logsComeFromCloudWatchLogs() throws Exception {
        cli.run("create", "web", "--role", MotoServer.ROLE).succeeded();
        long now = System.currentTimeMillis();
        try (AwsClients clients = new AwsClients(moto.options())) {
            clients.logs().createLogGroup(b -> b.logGroupName("/aws/lambda/web"));
            clients.logs().createLogStream(b -> b.logGroupName("/aws/lambda/web").logStreamName("2026/11/22/[1]abc"));
            clients.logs().putLogEvents(b -> b.logGroupName("/aws/lambda/web").logStreamName("2026/11/22/[1]abc").logEvents(
                    e -> e.timestamp(now - 2000).message("START RequestId: r1 Version: 1"),
                    e -> e.timestamp(now - 1000).message("hello from aws"),
                    e -> e.timestamp(now).message("END RequestId: r1")));
        }
        cli.run("logs", "-a", "web").succeeded().outContains("START RequestId: r1").outContains("hello from aws");
        cli.run("logs", "-a", "web", "--filter", "hello").succeeded().outContains("hello from aws");
        assertThat(cli.run("logs", "-a", "web", "--filter", "hello").out()).doesNotContain("START");
        // The SDK's CloudWatch client speaks Smithy RPC v2 (CBOR), which moto 5.2.1 does not answer: the
        // metrics adapter cannot be checked here, only that the failure is one clear sentence.
        cli.run("metrics", "-a", "web").failedWith(1, "does that endpoint implement CloudWatch");
        cli.run("logs", "-a", "nope").failedWith(1, "Function nope does not exist");
    }

    /** An example with the moto role in its manifest: AWS needs one to create a function. */
    private Path example(String name) throws Exception {
        Path from = cli.repo().resolve("examples").resolve(name);
        Path to = Files.createDirectories(scratch.resolve("examples").resolve(name));
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path manifest = to.resolve("lambdoku.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{", "{\n  \"role\": \"" + MotoServer.ROLE + "\","));
        return to;
    }

    private Map<String, Object> release(String app, int version) throws Exception {
        List<Object> all = JSON.std.listFrom(cli.run("releases", "-a", app, "--json").succeeded().out());
        return all.stream().map(r -> (Map<String, Object>) r)
                .filter(r -> String.valueOf(version).equals(String.valueOf(r.get("version")))).findFirst().orElseThrow();
    }

    private List<String> bucketKeys() {
        try (AwsClients clients = new AwsClients(moto.options())) {
            return clients.s3().listObjectsV2(b -> b.bucket(MotoServer.BUCKET)).contents().stream()
                    .map(o -> o.key()).toList();
        }
    }

    private static String key(String codeSha256) {
        return "lambdoku/sha256/" + HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256)) + ".zip";
    }

    private Path code(String dir, String app) throws Exception {
        Path d = Files.createDirectories(scratch.resolve(dir));
        Files.writeString(d.resolve("app.py"), app);
        return d;
    }
}
