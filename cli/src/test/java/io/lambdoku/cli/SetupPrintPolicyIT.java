package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lambdoku setup --print-policy}: the IAM policy for a folder's functions, printed, nothing created. */
class SetupPrintPolicyIT {

    @TempDir
    Path scratch;

    private Path folder(CliRunner cli) throws Exception {
        Path app = cli.cwd().resolve("app");
        Files.createDirectories(app.resolve("shop"));
        Files.createDirectories(app.resolve("cart"));
        Files.writeString(app.resolve("shop/lambdoku.json"), "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\", "
                + "\"role\": \"arn:aws:iam::123456789012:role/shop-exec\"}");
        Files.writeString(app.resolve("cart/lambdoku.json"), "{\"runtime\": \"python3.12\", \"handler\": \"app.handler\"}");
        return app;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statement(Map<String, Object> policy, String sid) {
        return ((List<Map<String, Object>>) policy.get("Statement")).stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + policy));
    }

    @Test
    void printsTheFoldersPolicyAsJsonOnStdoutAndItsNotesOnStderr() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Path app = folder(cli);

        CliRunner.Result r = cli.run("setup", "--print-policy", app.toString(), "--account", "123456789012",
                "--region", "eu-west-1", "--artifact-bucket", "team-builds", "--package", "s3://team-builds/shop/7.zip").succeeded();

        Map<String, Object> policy = JSON.std.mapFrom(r.out());
        assertThat(policy).containsEntry("Version", "2012-10-17");
        assertThat(statement(policy, "Functions").get("Resource")).isEqualTo(List.of(
                "arn:aws:lambda:eu-west-1:123456789012:function:cart", "arn:aws:lambda:eu-west-1:123456789012:function:cart:*",
                "arn:aws:lambda:eu-west-1:123456789012:function:shop", "arn:aws:lambda:eu-west-1:123456789012:function:shop:*"));
        assertThat(statement(policy, "LocksAndActivity").get("Resource")).asList()
                .contains("arn:aws:s3:::team-builds/lambdoku/locks/shop.json");
        assertThat(statement(policy, "Packages").get("Resource")).isEqualTo("arn:aws:s3:::team-builds/shop/7.zip");
        assertThat(statement(policy, "PassRoles").get("Resource")).isEqualTo(List.of(
                "arn:aws:iam::123456789012:role/shop-exec", "arn:aws:iam::123456789012:role/*"));
        assertThat(r.err()).contains("Note: No role is named for cart:").contains("Resource is *");
    }

    @Test
    void withoutAnAccountItAsksStsAndNamesTheDefaultBucket() throws Exception {
        try (MotoServer moto = MotoServer.startOrSkip()) {
            CliRunner cli = new CliRunner(scratch).withEnv(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                    "AWS_REGION", MotoServer.REGION, "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
            Path app = folder(cli);

            Map<String, Object> policy = JSON.std.mapFrom(cli.run("setup", "--print-policy", app.resolve("shop").toString())
                    .succeeded().out());

            assertThat(statement(policy, "Functions").get("Resource")).asList()
                    .containsExactly("arn:aws:lambda:us-east-1:123456789012:function:shop", "arn:aws:lambda:us-east-1:123456789012:function:shop:*");
            assertThat(statement(policy, "ArtifactBucket").get("Resource"))
                    .isEqualTo("arn:aws:s3:::lambdoku-artifacts-123456789012-us-east-1");
        }
    }

    @Test
    void badInputIsOneSentenceAndNothingIsPrinted() throws Exception {
        CliRunner cli = new CliRunner(scratch);
        Path empty = Files.createDirectories(cli.cwd().resolve("empty"));

        assertThat(cli.run("setup", "--print-policy", empty.toString(), "--account", "123456789012", "--region", "eu-west-1")
                .failedWith(2, "No lambdoku.json in " + empty).out()).isEmpty();
        Path app = folder(cli);
        assertThat(cli.run("setup", "--print-policy", app.toString(), "--account", "12", "--region", "eu-west-1")
                .failedWith(1, "The account '12' is not an AWS account id (12 digits).").out()).isEmpty();
        assertThat(cli.run("setup", "--print-policy", app.toString(), "--account", "123456789012", "--region", "eu-west-1",
                "--package", "s3://team-builds").failedWith(1, "The package s3://team-builds names no object key").out()).isEmpty();
        cli.run("setup", app.toString()).failedWith(2, "DIR, --account and --package go with --print-policy.");
    }
}
