package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.server.SignedHttp;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'local serve' started as a user starts it: beyond loopback only with credentials, which then decide
 * who is served. The AWS CLI signs with whatever secret it is given; only the right one works.
 */
class LocalServeAuthIT {

    private static final Pattern EXPORT = Pattern.compile("AWS_ACCESS_KEY_ID=(\\S+) AWS_SECRET_ACCESS_KEY=(\\S+)");

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void bindingBeyondLoopbackWithoutCredentialsIsRefusedInOneSentence() throws Exception {
        cli.run("local", "serve", "--host", "0.0.0.0", "--port", "0")
                .failedWith(2, "Serving on 0.0.0.0 would let anyone who reaches it run commands as you: give --access-key-id");
        cli.run("local", "serve", "--port", "0", "--access-key-id", "K").failedWith(2, "--access-key-id and --secret-access-key go together");
        cli.run("local", "serve", "--port", "0", "--access-key-id", "K", "--secret-access-key", "S", "--generate-credentials")
                .failedWith(2, "not both");
        assertThat(cli.home().resolve("local/serve.json")).doesNotExist();
    }

    @Test
    void withCredentialsTheAwsCliWorksWithTheRightSecretAndFailsWithAWrongOne() throws Exception {
        AwsCli.requireInstalled();
        Path zip = Files.write(scratch.resolve("f.zip"), FunctionZip.of("app.py",
                "def handler(event, context):\n    print('signed in')\n    return {'got': event}\n"));
        try (LocalServe server = LocalServe.start(cli, "--host", "0.0.0.0", "--access-key-id", "LKIATESTKEY",
                "--secret-access-key", "s3cret/+key")) {
            assertThat(String.join("\n", server.banner())).contains("reachable from other machines")
                    .contains("verified with access key LKIATESTKEY");
            AwsCli right = new AwsCli(scratch, server.endpoint(), Map.of("AWS_ACCESS_KEY_ID", "LKIATESTKEY",
                    "AWS_SECRET_ACCESS_KEY", "s3cret/+key"));
            AwsCli wrong = new AwsCli(scratch, server.endpoint(), Map.of("AWS_ACCESS_KEY_ID", "LKIATESTKEY",
                    "AWS_SECRET_ACCESS_KEY", "guessed"));

            AwsCli.Run refused = wrong.run("lambda", "create-function", "--function-name", "nope", "--runtime", "python3.12",
                    "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zip);
            assertThat(refused.exit()).isNotZero();
            assertThat(refused.err()).contains("InvalidSignatureException");
            assertThat(new AwsCli(scratch, server.endpoint(), Map.of()).run("lambda", "list-functions").err())
                    .as("the throwaway key test/test").contains("UnrecognizedClientException");

            right.json("lambda", "create-function", "--function-name", "signed", "--runtime", "python3.12",
                    "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zip);
            right.run("lambda", "wait", "function-active-v2", "--function-name", "signed");
            assertThat(right.json("lambda", "list-functions").get("Functions").toString()).contains("signed").doesNotContain("nope");

            // lambdoku's own invoke signs with the key the server wrote into the store for it, privately
            assertThat(cli.run("invoke", "-a", "signed", "--payload", "{\"a\":1}", "--log").succeeded().err()).contains("signed in");
            assertThat(Files.getPosixFilePermissions(cli.home().resolve("local/serve.json")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(right.run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/signed").out()).contains("signed in");
        }
    }

    @Test
    void generatedCredentialsAreMadeOnceKeptPrivateAndPrinted() throws Exception {
        AwsCli.requireInstalled();
        Matcher first;
        try (LocalServe server = LocalServe.start(cli, "--generate-credentials")) {
            first = EXPORT.matcher(String.join("\n", server.banner()));
            assertThat(first.find()).as("banner: %s", server.banner()).isTrue();
            assertThat(first.group(1)).matches("LKIA[A-Z2-7]{16}");
            assertThat(first.group(2)).hasSize(40);
            AwsCli signed = new AwsCli(scratch, server.endpoint(), Map.of("AWS_ACCESS_KEY_ID", first.group(1),
                    "AWS_SECRET_ACCESS_KEY", first.group(2)));
            assertThat(signed.json("lambda", "list-functions")).containsKey("Functions");
            assertThat(new AwsCli(scratch, server.endpoint(), Map.of()).run("lambda", "list-functions").exit()).isNotZero();
        }
        Path file = cli.home().resolve("local/credentials.json");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(JSON.std.mapFrom(Files.readString(file))).containsEntry("accessKeyId", first.group(1));
        try (LocalServe again = LocalServe.start(cli, "--generate-credentials")) {
            Matcher second = EXPORT.matcher(String.join("\n", again.banner()));
            assertThat(second.find()).isTrue();
            assertThat(second.group(1) + second.group(2)).as("made once, reused").isEqualTo(first.group(1) + first.group(2));
        }
    }

    @Test
    void onLoopbackTheAttacksOfIssue11ChangeNothing() throws Exception {
        try (LocalServe server = LocalServe.start(cli)) {
            URI endpoint = URI.create(server.endpoint());
            SignedHttp http = new SignedHttp("127.0.0.1", endpoint.getPort());
            Map<String, Object> create = Map.of("FunctionName", "pwn", "Runtime", "provided.al2023", "Handler", "x",
                    "Role", "arn:aws:iam::000000000000:role/x", "Code", Map.of("ZipFile",
                            java.util.Base64.getEncoder().encodeToString(FunctionZip.of("bootstrap", "#!/bin/sh\nid\n"))));
            assertThat(http.request("POST", "/2015-03-31/functions").unsigned().json(create).send().status()).isEqualTo(403);
            assertThat(http.request("POST", "/2015-03-31/functions").unsigned().json(create)
                    .header("Content-Type", "text/plain").header("Origin", "http://evil.example").send().status()).isEqualTo(403);
            assertThat(http.request("POST", "/2015-03-31/functions").json(create).host("rebind.evil.example:" + endpoint.getPort())
                    .send().status()).isEqualTo(403);
            assertThat(cli.run("apps").succeeded().out()).doesNotContain("pwn");
        }
    }
}
