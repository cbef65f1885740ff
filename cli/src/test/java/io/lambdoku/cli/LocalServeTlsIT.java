package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'local serve --tls' for clients that only speak HTTPS: the certificate is made once into the store,
 * the banner says how to trust it, and GetFunction's Code.Location is an https URL of this server.
 */
@SuppressWarnings("unchecked")
class LocalServeTlsIT {

    /** Downloads argv[1] with Node's https module and prints the status and base64 SHA-256 of the body. */
    private static final String NODE_DOWNLOAD = """
            const https = require('https'), crypto = require('crypto');
            https.get(process.argv[1], res => {
              const hash = crypto.createHash('sha256');
              res.on('data', d => hash.update(d));
              res.on('end', () => console.log(res.statusCode + ' ' + hash.digest('base64')));
            }).on('error', e => { console.error(e.code || e.message); process.exit(3); });
            """;

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        AwsCli.requireInstalled();
        cli = new CliRunner(scratch);
    }

    @Test
    void anHttpsOnlyClientTrustingThePrintedPemDownloadsCodeLocationByteForByte() throws Exception {
        byte[] zip = FunctionZip.of("app.py", "def handler(event, context):\n    print('over tls')\n    return 'secure'\n");
        Path zipFile = Files.write(scratch.resolve("f.zip"), zip);
        try (LocalServe server = LocalServe.start(cli, "--tls")) {
            assertThat(server.endpoint()).startsWith("https://127.0.0.1:");
            Path pem = server.caBundle().orElseThrow();
            assertThat(String.join("\n", server.banner())).contains("NODE_EXTRA_CA_CERTS=" + pem);
            AwsCli aws = new AwsCli(scratch, server.endpoint(), Map.of("AWS_CA_BUNDLE", pem.toString()));

            aws.json("lambda", "create-function", "--function-name", "sealed", "--runtime", "python3.12",
                    "--handler", "app.handler", "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zipFile);
            String location = (String) ((Map<String, Object>) aws.json("lambda", "get-function", "--function-name", "sealed")
                    .get("Code")).get("Location");

            assertThat(location).startsWith(server.endpoint() + "/");
            assertThat(node(location, Map.of("NODE_EXTRA_CA_CERTS", pem.toString()))).isEqualTo("200 " + FunctionZip.sha256(zip));
            assertThat(node(location, Map.of())).as("without the PEM, Node refuses the certificate")
                    .isEqualTo("exit 3: DEPTH_ZERO_SELF_SIGNED_CERT");

            // lambdoku's own invoke finds the running server and trusts the store's certificate
            assertThat(cli.run("invoke", "-a", "sealed", "--log").succeeded().err()).contains("over tls");
            assertThat(aws.run("logs", "filter-log-events", "--log-group-name", "/aws/lambda/sealed").out()).contains("over tls");
        }
    }

    @Test
    void theCertificateIsMadeOnceAndItsKeyIsReadableByItsOwnerOnly() throws Exception {
        String first;
        Path pem;
        try (LocalServe server = LocalServe.start(cli, "--tls")) {
            pem = server.caBundle().orElseThrow();
            first = Files.readString(pem);
        }
        Path keystore = pem.resolveSibling("tls.p12");
        assertThat(pem.getParent()).isEqualTo(cli.home().resolve("local"));
        assertThat(Files.getPosixFilePermissions(keystore)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        long made = Files.getLastModifiedTime(keystore).toMillis();

        try (LocalServe again = LocalServe.start(cli, "--tls")) {
            assertThat(Files.readString(again.caBundle().orElseThrow())).isEqualTo(first);
        }
        assertThat(Files.getLastModifiedTime(keystore).toMillis()).isEqualTo(made);
    }

    private String node(String url, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of("node", "-e", NODE_DOWNLOAD, url));
        pb.environment().remove("NODE_EXTRA_CA_CERTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + err;
    }
}
