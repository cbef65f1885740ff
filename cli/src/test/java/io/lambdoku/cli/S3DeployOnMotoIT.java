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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** deploy, plan and apply of a package already in S3 (s3://BUCKET/KEY), through the launcher, on moto_server. */
@SuppressWarnings("unchecked")
class S3DeployOnMotoIT {

    private static final String BUILDS = "shop-builds";
    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch).withEnv(moto.environment());
        try (AwsClients clients = new AwsClients(moto.options())) {
            clients.s3().createBucket(b -> b.bucket(BUILDS));
        }
        Path one = Files.createDirectories(scratch.resolve("one"));
        Files.writeString(one.resolve("app.py"), "def handler(e, c):\n    return 'one'\n");
        cli.run("create", "shop", "--role", MotoServer.ROLE, "--code", one.toString()).succeeded().outContains("Released v1");
    }

    @Test
    void aPackageInS3DeploysByReferenceAsANewReleaseThatRollbackRestoresAfterTheObjectIsGone() throws Exception {
        byte[] zip = FunctionZip.of("app.py", "def handler(e, c):\n    return 'two'\n");
        String sha = FunctionZip.sha256(zip);
        upload("shop/2.zip", zip);

        Map<String, Object> deployed = JSON.std.mapFrom(cli.run("deploy", "s3://shop-builds/shop/2.zip", "-a", "shop", "--json")
                .succeeded().out());

        assertThat(deployed).containsEntry("version", "2").containsEntry("changed", true).containsEntry("codeSha256", sha);
        Map<String, Object> v2 = release(2);
        assertThat(v2.get("codeSha256")).isEqualTo(sha);
        assertThat(v2.get("description")).isEqualTo("Deploy " + hex(sha).substring(0, 8));
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "shop", "--json").succeeded().out()))
                .containsEntry("handler", "app.handler"); // the function's settings are kept
        // copied into the artifact store, so the release outlives the user's object
        assertThat(artifactKeys()).contains("lambdoku/sha256/" + hex(sha) + ".zip");
        cli.run("deploy", "s3://shop-builds/shop/2.zip", "-a", "shop").succeeded().outContains("Nothing changed; no release made.");

        deleteObject("shop/2.zip");
        cli.run("rollback", "-a", "shop").succeeded().outContains("Rollback to v1");
        cli.run("rollback", "-a", "shop", "v2").succeeded().outContains("Rollback to v2");
        assertThat(release(4).get("codeSha256")).isEqualTo(sha);
    }

    @Test
    void applyRefusesAPlanWhosePackageWasOverwrittenAndChangesNothing() throws Exception {
        byte[] two = FunctionZip.of("app.py", "def handler(e, c):\n    return 'two'\n");
        upload("shop/latest.zip", two);
        cli.run("plan", "s3://shop-builds/shop/latest.zip", "-a", "shop", "-o", "p.plan").succeeded()
                .outContains("~ function shop").outContains("Saved the plan to p.plan");
        Map<String, Object> saved = (Map<String, Object>) ((List<Object>) JSON.std.mapFrom(
                Files.readString(cli.cwd().resolve("p.plan"))).get("functions")).get(0);
        Map<String, Object> pkg = (Map<String, Object>) saved.get("package");
        assertThat(pkg).doesNotContainKey("zip").containsEntry("codeSha256", FunctionZip.sha256(two));
        assertThat((Map<String, Object>) pkg.get("s3")).containsEntry("requested", "s3://shop-builds/shop/latest.zip")
                .containsKey("eTag");

        byte[] three = FunctionZip.of("app.py", "def handler(e, c):\n    return 'three'\n");
        upload("shop/latest.zip", three);

        cli.run("apply", "p.plan").failedWith(1, "Plan is stale: package s3://shop-builds/shop/latest.zip changed since the"
                + " plan (ETag ");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "shop", "--json").succeeded().out())).hasSize(1);

        cli.run("plan", "s3://shop-builds/shop/latest.zip", "-a", "shop", "-o", "p.plan").succeeded();
        cli.run("apply", "p.plan").succeeded().outContains("v2");
        assertThat(release(2).get("codeSha256")).isEqualTo(FunctionZip.sha256(three));
    }

    @Test
    void aFolderDeploysWithItsCodeFromS3AndItsHandlerCheckedAgainstTheObject() throws Exception {
        byte[] zip = FunctionZip.of("app.py", "def handler(e, c):\n    return 'api'\n");
        upload("api/1.zip", zip);
        Path api = Files.createDirectories(scratch.resolve("api"));
        Files.writeString(api.resolve("lambdoku.json"), "{\"name\": \"shop-api\", \"runtime\": \"python3.12\", \"handler\":"
                + " \"app.handler\", \"memory\": 256, \"role\": \"" + MotoServer.ROLE + "\"}");

        Map<String, Object> deployed = JSON.std.mapFrom(cli.run("deploy", api.toString(), "--package",
                "s3://shop-builds/api/1.zip", "--json").succeeded().out());

        assertThat(deployed).containsEntry("version", "1").containsEntry("codeSha256", FunctionZip.sha256(zip));
        assertThat(JSON.std.mapFrom(cli.run("apps:info", "-a", "shop-api", "--json").succeeded().out()))
                .containsEntry("memorySize", 256);
        Files.writeString(api.resolve("lambdoku.json"), Files.readString(api.resolve("lambdoku.json"))
                .replace("app.handler", "main.handler"));
        cli.run("deploy", api.toString(), "--package", "s3://shop-builds/api/1.zip")
                .failedWith(1, "Handler main.handler needs main.py in the package");
        cli.run("deploy", scratch.toString(), "--package", "s3://shop-builds/api/1.zip").failedWith(2, "holds no lambdoku.json");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "shop-api", "--json").succeeded().out())).hasSize(1);
    }

    @Test
    void badS3PackagesAreOneSentenceAndChangeNothing() throws Exception {
        cli.run("deploy", "s3://shop-builds/nope.zip", "-a", "shop").failedWith(1, "No object s3://shop-builds/nope.zip in S3");
        cli.run("deploy", "s3://shop-builds/shop/").failedWith(1, "names a folder");
        upload("shop/2.zip", FunctionZip.of("app.py", "x = 2\n"));
        cli.run("deploy", "s3://shop-builds/shop/2.zip").failedWith(2, "needs -a NAME of an existing function");
        cli.run("deploy", "s3://shop-builds/shop/2.zip", "-a", "nope").failedWith(1, "Function nope does not exist");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "shop", "--json").succeeded().out())).hasSize(1);
    }

    @Test
    void theLocalBackendRefusesS3PackagesInOneSentence() throws Exception {
        CliRunner local = new CliRunner(scratch.resolve("local"));
        local.run("create", "shop").succeeded();

        local.run("deploy", "s3://shop-builds/shop/2.zip", "-a", "shop")
                .failedWith(1, "The local backend cannot deploy s3://… packages: it has no S3");
        local.run("plan", "s3://shop-builds/shop/2.zip", "-a", "shop", "-o", "p.plan").failedWith(1, "has no S3");

        assertThat(JSON.std.listFrom(local.run("releases", "-a", "shop", "--json").succeeded().out())).hasSize(1);
        assertThat(local.cwd().resolve("p.plan")).doesNotExist();
    }

    private void upload(String key, byte[] zip) {
        try (AwsClients clients = new AwsClients(moto.options())) {
            clients.s3().putObject(b -> b.bucket(BUILDS).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                    RequestBody.fromBytes(zip));
        }
    }

    private void deleteObject(String key) {
        try (AwsClients clients = new AwsClients(moto.options())) {
            clients.s3().deleteObject(b -> b.bucket(BUILDS).key(key));
        }
    }

    private List<String> artifactKeys() {
        try (AwsClients clients = new AwsClients(moto.options())) {
            return clients.s3().listObjectsV2(b -> b.bucket(MotoServer.BUCKET)).contents().stream().map(o -> o.key()).toList();
        }
    }

    private Map<String, Object> release(int version) throws Exception {
        List<Object> all = JSON.std.listFrom(cli.run("releases", "-a", "shop", "--json").succeeded().out());
        return all.stream().map(r -> (Map<String, Object>) r)
                .filter(r -> String.valueOf(version).equals(String.valueOf(r.get("version")))).findFirst().orElseThrow();
    }

    private static String hex(String codeSha256) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256));
    }
}
