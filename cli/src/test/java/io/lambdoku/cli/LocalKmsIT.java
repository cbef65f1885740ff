package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.secret.EncryptionContexts;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.kms.LocalKms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local KMS as its users meet it: the AWS CLI v1 against 'local serve' (create-key, create-alias, encrypt with an
 * encryption context, decrypt), and a Python function that decrypts its sealed config var with the boto3 snippet AWS
 * documents for Lambda's console helpers, unchanged: invoked in-process (the invoker serves KMS on a port of its own)
 * and with 'local serve' running (which then runs it and serves its KMS calls).
 */
@SuppressWarnings("unchecked")
class LocalKmsIT {

    private static final String SECRET = "p4ss word/with=odd+chars";

    /** AWS's "Decrypt secrets snippet" for environment variables encrypted with the console's helpers. */
    private static final String HANDLER = """
            import boto3
            import os

            from base64 import b64decode

            ENCRYPTED = os.environ['DB_PASSWORD']
            # Decrypt code should run once and variables stored outside of the function
            # handler so that these are decrypted once per container
            DECRYPTED = boto3.client('kms').decrypt(
                CiphertextBlob=b64decode(ENCRYPTED),
                EncryptionContext={'LambdaFunctionName': os.environ['AWS_LAMBDA_FUNCTION_NAME']}
            )['Plaintext'].decode('utf-8')

            def lambda_handler(event, context):
                return {'password': DECRYPTED}
            """;

    @TempDir
    Path scratch;

    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(scratch);
    }

    @Test
    void theAwsCliCreatesAKeyAndAnAliasAndEncryptsAndDecryptsUnderAContext() throws Exception {
        AwsCli.requireInstalled();
        try (LocalServe server = LocalServe.start(cli)) {
            AwsCli aws = new AwsCli(scratch, server.endpoint(), Map.of());
            Map<String, Object> created = (Map<String, Object>) aws.json("kms", "create-key", "--description", "lambdoku secrets")
                    .get("KeyMetadata");
            String keyId = (String) created.get("KeyId");
            assertThat((String) created.get("Arn")).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + keyId);
            assertThat(created).containsEntry("KeyState", "Enabled").containsEntry("KeyUsage", "ENCRYPT_DECRYPT");
            assertThat(aws.run("kms", "create-alias", "--alias-name", "alias/lambdoku", "--target-key-id", keyId).exit()).isZero();

            Path plaintext = Files.writeString(scratch.resolve("plain.txt"), SECRET);
            Map<String, Object> encrypted = aws.json("kms", "encrypt", "--key-id", "alias/lambdoku", "--plaintext",
                    "fileb://" + plaintext, "--encryption-context", "LambdaFunctionName=acc");
            assertThat(encrypted).containsEntry("KeyId", created.get("Arn"));
            Path blob = Files.write(scratch.resolve("blob.bin"), Base64.getDecoder().decode((String) encrypted.get("CiphertextBlob")));

            Map<String, Object> decrypted = aws.json("kms", "decrypt", "--ciphertext-blob", "fileb://" + blob,
                    "--encryption-context", "LambdaFunctionName=acc");
            assertThat(new String(Base64.getDecoder().decode((String) decrypted.get("Plaintext")), StandardCharsets.UTF_8))
                    .isEqualTo(SECRET);
            assertThat(decrypted).containsEntry("KeyId", created.get("Arn"));

            AwsCli.Run wrongContext = aws.run("kms", "decrypt", "--ciphertext-blob", "fileb://" + blob,
                    "--encryption-context", "LambdaFunctionName=other");
            assertThat(wrongContext.exit()).isNotZero();
            assertThat(wrongContext.err()).contains("InvalidCiphertextException").doesNotContain(SECRET);
            AwsCli.Run missing = aws.run("kms", "describe-key", "--key-id", "alias/nope");
            assertThat(missing.err()).contains("NotFoundException").contains("alias/nope is not found");

            assertThat(aws.json("kms", "describe-key", "--key-id", "alias/lambdoku").toString()).contains(keyId);
            assertThat(aws.json("kms", "list-keys").toString()).contains(keyId);
            List<Map<String, Object>> aliases = (List<Map<String, Object>>) aws.json("kms", "list-aliases").get("Aliases");
            assertThat(aliases).singleElement().satisfies(a -> assertThat(a).containsEntry("AliasName", "alias/lambdoku")
                    .containsEntry("TargetKeyId", keyId));
        }
    }

    @Test
    void aFunctionDecryptsItsSealedVarWithAwsDocumentedBoto3SnippetInProcessAndUnderLocalServe() throws Exception {
        decryptingFunction("acc", "acc", HANDLER);

        CliRunner.Result inProcess = cli.run("invoke", "-a", "acc", "--log");
        assertThat(inProcess.exit()).as(inProcess.err()).isZero();
        assertThat(JSON.std.mapFrom(inProcess.out())).containsEntry("password", SECRET);

        try (LocalServe server = LocalServe.start(cli)) {
            CliRunner.Result served = cli.run("invoke", "-a", "acc", "--log");
            assertThat(served.exit()).as(served.err()).isZero();
            assertThat(JSON.std.mapFrom(served.out())).containsEntry("password", SECRET);
            // the same function through the Lambda API: what any client of 'local serve' gets
            Path answer = scratch.resolve("answer.json");
            AwsCli.Run invoked = new AwsCli(scratch, server.endpoint(), Map.of()).run("lambda", "invoke", "--function-name", "acc",
                    answer.toString());
            assertThat(invoked.exit()).as(invoked.err()).isZero();
            assertThat(Files.readString(answer)).contains(SECRET);
        }
    }

    @Test
    void underALocalServeThatVerifiesItsAccessKeyFunctionsDecryptWithoutBeingHandedThatKey() throws Exception {
        decryptingFunction("acc", "acc", HANDLER + """

                def show_keys(event, context):
                    return {'id': os.environ['AWS_ACCESS_KEY_ID'], 'secret': os.environ['AWS_SECRET_ACCESS_KEY']}
                """);
        try (LocalServe server = LocalServe.start(cli, "--generate-credentials")) {
            CliRunner.Result served = cli.run("invoke", "-a", "acc", "--log");
            assertThat(served.exit()).as(served.err()).isZero();
            assertThat(JSON.std.mapFrom(served.out())).containsEntry("password", SECRET);

            cli.run("apps:update", "-a", "acc", "--handler", "app.show_keys").succeeded();
            Map<String, Object> keys = JSON.std.mapFrom(cli.run("invoke", "-a", "acc").succeeded().out());
            Map<String, Object> stored = JSON.std.mapFrom(Files.readAllBytes(cli.home().resolve("local/credentials.json")));
            assertThat(keys.get("secret")).as("the server's own secret stays out of functions")
                    .isNotEqualTo(stored.get("secretAccessKey"));
        }
    }

    @Test
    void aFunctionWhoseVarWasSealedForAnotherFunctionCannotDecryptIt() throws Exception {
        decryptingFunction("thief", "acc", HANDLER);

        CliRunner.Result r = cli.run("invoke", "-a", "thief", "--log");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("InvalidCiphertextException").doesNotContain(SECRET);
    }

    /** base64(CiphertextBlob) under {"LambdaFunctionName": function}, as the sealing stores it; made on the CLI's store. */
    private String sealed(String function, String value) {
        try (LocalLambda lambda = LocalLambda.open(LocalOptions.fromEnvironment(Map.of("LAMBDOKU_HOME", cli.home().toString())))) {
            LocalKms kms = new LocalKms(lambda);
            String arn = kms.keyArn("alias/lambdoku").orElseGet(() -> kms.createKey("lambdoku", "sealed config vars"));
            return Base64.getEncoder().encodeToString(kms.encrypt(arn, value.getBytes(StandardCharsets.UTF_8),
                    EncryptionContexts.of(function)));
        }
    }

    /** Function {@code name} running {@code handler}, with DB_PASSWORD sealed for function {@code sealedFor}. */
    private void decryptingFunction(String name, String sealedFor, String handler) throws Exception {
        Boto3AgainstLocalServeIT.requireBoto3();
        Path code = Files.createDirectories(scratch.resolve("fn-" + name));
        Files.writeString(code.resolve("app.py"), handler);
        cli.run("create", name, "--code", code.toString(), "--handler", "app.lambda_handler", "--timeout", "30").succeeded();
        cli.run("config:set", "-a", name, "DB_PASSWORD=" + sealed(sealedFor, SECRET)).succeeded();
    }
}
