package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sealed config vars (issue 13) on the local backend, through the packaged launcher: a secret read from standard
 * input is never in any command's output, error or --debug trace unless revealed, a rollback restores the sealed set
 * of its release, and a Python function decrypts it with the boto3 snippet AWS documents.
 */
@SuppressWarnings("unchecked")
class SecretsIT {

    private static final String SECRET = "pa55-w0rd-never-shown";
    /** What AWS documents for Lambda's console encryption helpers, unchanged. */
    private static final String FUNCTION = """
            import os
            import boto3
            from base64 import b64decode

            ENCRYPTED = os.environ['DB_PASSWORD']
            DECRYPTED = boto3.client('kms').decrypt(
                CiphertextBlob=b64decode(ENCRYPTED),
                EncryptionContext={'LambdaFunctionName': os.environ['AWS_LAMBDA_FUNCTION_NAME']}
            )['Plaintext'].decode('utf-8')

            def handler(event, context):
                return DECRYPTED
            """;

    @TempDir
    Path scratch;

    private CliRunner cli;
    private final List<CliRunner.Result> shown = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
        Path dir = Files.createDirectories(cli.cwd().resolve("acc"));
        Files.writeString(dir.resolve("app.py"), FUNCTION);
        Files.writeString(dir.resolve("lambdoku.json"), "{\"name\": \"acc\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\"}");
        cli.run("deploy", "acc").succeeded();
        cli.run("setup", "--kms-key").succeeded().outContains("alias/lambdoku");
    }

    @Test
    void aSecretFromStdinIsShownOnlyAsItsFingerprintAndTheFunctionDecryptsIt() throws Exception {
        cli.runWithInput(SECRET + "\n", "config:set", "-a", "acc", "--secret", "--kms-key", "alias/lambdoku", "DB_PASSWORD=-")
                .succeeded().outContains("Set DB_PASSWORD (sealed)");

        String config = show("config", "-a", "acc").out();
        String fp = find(config, "DB_PASSWORD=<sealed ([0-9a-f]{8})>");
        assertThat(show("config:get", "-a", "acc", "DB_PASSWORD").out().strip()).isEqualTo("<sealed " + fp + ">");
        Map<String, Object> json = JSON.std.mapFrom(show("config", "-a", "acc", "--json").out());
        assertThat(json).containsOnlyKeys("DB_PASSWORD")
                .containsEntry("DB_PASSWORD", Map.of("sealed", true, "fingerprint", fp));
        show("releases:info", "-a", "acc").outContains("+ DB_PASSWORD: " + fp + " (sealed)");
        Map<String, Object> info = JSON.std.mapFrom(show("releases:info", "-a", "acc", "--json").out());
        assertThat((Map<String, Object>) info.get("environment"))
                .containsExactlyEntriesOf(Map.of("DB_PASSWORD", Map.of("sealed", true, "fingerprint", fp)));
        show("releases", "-a", "acc");
        show("diff", "acc");
        show("deploy", "--dry-run", "acc");
        show("apps:info", "-a", "acc");
        show("config", "-a", "acc", "--debug");
        show("releases:info", "-a", "acc", "--debug");
        show("config:key", "-a", "acc");
        for (CliRunner.Result r : shown) {
            assertThat(r.out() + r.err()).as(r.command()).doesNotContain(SECRET).doesNotContain("pa55");
        }

        CliRunner.Result revealed = cli.run("config:get", "-a", "acc", "DB_PASSWORD", "--reveal").succeeded();
        assertThat(revealed.out().strip()).isEqualTo(SECRET);
        assertThat(revealed.err()).contains("Revealed DB_PASSWORD of acc");
        cli.run("releases:info", "-a", "acc", "--reveal").succeeded().outContains("+ DB_PASSWORD=" + SECRET);

        assertThat(cli.run("invoke", "-a", "acc").succeeded().out()).contains(SECRET);
    }

    @Test
    void rollbackRestoresTheSealedSetOfTheTargetRelease() throws Exception {
        cli.runWithInput(SECRET, "config:set", "-a", "acc", "DB_PASSWORD=-").succeeded();
        cli.run("config:seal", "-a", "acc", "DB_PASSWORD", "--kms-key", "alias/lambdoku").succeeded()
                .outContains("Released v3 of acc: Seal DB_PASSWORD");
        String fp = find(cli.run("config", "-a", "acc").succeeded().out(), "DB_PASSWORD=<sealed ([0-9a-f]{8})>");

        cli.run("rollback", "-a", "acc", "v2").succeeded();
        assertThat(cli.run("config", "-a", "acc").succeeded().out()).contains("DB_PASSWORD='" + SECRET + "'");

        cli.run("rollback", "-a", "acc", "v3").succeeded();
        assertThat(cli.run("config", "-a", "acc").succeeded().out().strip()).isEqualTo("DB_PASSWORD=<sealed " + fp + ">");
        assertThat(cli.run("invoke", "-a", "acc").succeeded().out()).contains(SECRET);

        cli.run("config:rekey", "-a", "acc").succeeded().outContains("Rekey DB_PASSWORD");
        cli.run("config:unseal", "-a", "acc", "DB_PASSWORD").succeeded().outContains("Unseal DB_PASSWORD");
        assertThat(cli.run("config", "-a", "acc").succeeded().out()).contains("DB_PASSWORD='" + SECRET + "'");
    }

    @Test
    void refusalsAreOneSentenceWithoutThePlaintextEvenWithDebug() throws Exception {
        CliRunner.Result noKey = cli.runWithInput(SECRET, "config:set", "-a", "acc", "--secret", "DB_PASSWORD=-")
                .failedWith(1, "--kms-key");
        assertThat(noKey.err()).doesNotContain(SECRET);
        cli.runWithInput(SECRET, "config:set", "-a", "acc", "--secret", "--kms-key", "alias/lambdoku", "DB_PASSWORD=-").succeeded();

        assertThat(cli.run("config:set", "-a", "acc", "DB_PASSWORD=" + "other-value").failedWith(1, "is sealed").err())
                .doesNotContain("other-value");
        cli.run("config:set", "-a", "acc", "LAMBDOKU_SEALED=X1:00000000").failedWith(1, "list of sealed vars");
        CliRunner.Result big = cli.runWithInput("x".repeat(3900), "config:set", "-a", "acc", "--secret", "BIG=-")
                .failedWith(1, "4096");
        assertThat(big.err()).doesNotContain("xxxx");
        CliRunner.Result debug = cli.runWithInput(SECRET, "config:set", "-a", "acc", "--secret", "--kms-key", "alias/nope",
                "OTHER=-", "--debug");
        assertThat(debug.exit()).isEqualTo(1);
        assertThat(debug.out() + debug.err()).contains("alias/nope").doesNotContain(SECRET);
        assertThat(cli.run("releases", "-a", "acc").succeeded().out().lines()).hasSize(2);
    }

    @Test
    void aDeployRefusesToShipANamedSecretInPlaintextAndSecretFileSealsIt() throws Exception {
        Files.writeString(cli.cwd().resolve("acc/lambdoku.json"), "{\"name\": \"acc\", \"runtime\": \"python3.12\","
                + " \"handler\": \"app.handler\", \"secrets\": [\"DB_PASSWORD\"]}");
        Files.writeString(cli.cwd().resolve(".env.secrets"), "DB_PASSWORD=" + SECRET + "\n");
        cli.runWithInput(SECRET, "config:set", "-a", "acc", "DB_PASSWORD=-").succeeded();

        CliRunner.Result refused = cli.run("deploy", "acc").failedWith(1, "lists DB_PASSWORD in \"secrets\"");
        assertThat(refused.err()).contains("lambdoku.json").doesNotContain(SECRET);

        CliRunner.Result deployed = cli.run("deploy", "acc", "--secret-file", ".env.secrets", "--kms-key", "alias/lambdoku")
                .succeeded().outContains("Set DB_PASSWORD (sealed)");
        assertThat(deployed.out() + deployed.err()).doesNotContain(SECRET);
        assertThat(cli.run("config", "-a", "acc").succeeded().out()).contains("DB_PASSWORD=<sealed ");
        assertThat(cli.run("invoke", "-a", "acc").succeeded().out()).contains(SECRET);
    }

    private CliRunner.Result show(String... args) throws Exception {
        CliRunner.Result r = cli.run(args).succeeded();
        shown.add(r);
        return r;
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
