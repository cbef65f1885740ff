package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lambdoku.json "kmsKeyArn" through the packaged launcher on the local backend: the key of {@code setup --kms-key}
 * encrypts the function's environment at rest once deployed, apps:info shows it, a rollback to a release before it
 * restores Lambda's default key, and a key the local KMS does not hold is refused in one sentence, changing nothing.
 */
class AtRestKeyIT {

    @TempDir
    Path scratch;

    private CliRunner cli;
    private Path app;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
        app = Files.createDirectories(cli.cwd().resolve("shop"));
        Files.writeString(app.resolve("app.py"), "def handler(event, context):\n    return 'ok'\n");
    }

    @Test
    void aDeployedKeyIsShownAndARollbackToAReleaseBeforeItRestoresTheDefault() throws Exception {
        manifest("");
        cli.run("deploy", "shop").succeeded().outContains("Released v1 of shop");
        String key = (String) JSON.std.mapFrom(cli.run("setup", "--kms-key", "--json").succeeded().out()).get("kmsKey");
        assertThat(key).startsWith("arn:aws:kms:us-east-1:000000000000:key/");

        manifest(", \"kmsKeyArn\": \"" + key + "\"");
        cli.run("diff", "shop", "--exit-code").failedWithCode(3).outContains("kmsKeyArn (default key) -> " + key)
                .outContains("(code unchanged)");
        cli.run("deploy", "shop").succeeded().outContains("Released v2 of shop");

        assertThat(info()).containsEntry("kmsKeyArn", key);
        cli.run("apps:info", "-a", "shop").succeeded().outContains("KMS key:      " + key);
        cli.run("releases:info", "-a", "shop", "v2").succeeded().outContains("~ kmsKeyArn (default key) -> " + key);
        cli.run("diff", "shop", "--exit-code").succeeded();

        cli.run("rollback", "-a", "shop", "v1").succeeded();

        assertThat(info()).doesNotContainKey("kmsKeyArn");
        cli.run("apps:info", "-a", "shop").succeeded().outContains("KMS key:      Lambda's default (aws/lambda)");
        cli.run("releases:info", "-a", "shop", "v3").succeeded().outContains("~ kmsKeyArn " + key + " -> (default key)");
    }

    @Test
    void aKeyTheLocalKmsDoesNotHoldIsRefusedAndNothingIsReleased() throws Exception {
        manifest("");
        cli.run("deploy", "shop").succeeded();
        String missing = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000";
        manifest(", \"kmsKeyArn\": \"" + missing + "\"");

        cli.run("deploy", "shop").failedWith(1, "KMS key " + missing + " does not exist in the local KMS");

        assertThat(info()).doesNotContainKey("kmsKeyArn");
        assertThat(JSON.std.listFrom(cli.run("releases", "-a", "shop", "--json").succeeded().out())).hasSize(1);
    }

    private void manifest(String extra) throws Exception {
        Files.writeString(app.resolve("lambdoku.json"), "{\"name\": \"shop\", \"runtime\": \"python3.12\","
                + " \"handler\": \"app.handler\", \"environment\": {\"MODE\": \"one\"}" + extra + "}");
    }

    private Map<String, Object> info() throws Exception {
        return JSON.std.mapFrom(cli.run("apps:info", "-a", "shop", "--json").succeeded().out());
    }
}
