package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KMS's JSON protocol on 'local serve' and on the functions' own KMS port, as an SDK speaks it: signed for 'kms',
 * X-Amz-Target TrentService.*, errors in {@code __type}.
 */
class KmsRoutesTest {

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalServer server;
    private SignedHttp http;

    @BeforeEach
    void start() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        server = LocalServer.start(lambda, ServeOptions.loopback(0));
        http = new SignedHttp("127.0.0.1", server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    @Test
    void encryptAndDecryptWithAContextAndKmsErrorTypesForTheRest() {
        Map<?, ?> metadata = (Map<?, ?>) call(http, "CreateKey", Map.of("Description", "d")).expect(200).json().get("KeyMetadata");
        String keyId = (String) metadata.get("KeyId");
        assertThat(metadata.get("Arn")).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + keyId);
        call(http, "CreateAlias", Map.of("AliasName", "alias/app", "TargetKeyId", keyId)).expect(200);
        String plaintext = Base64.getEncoder().encodeToString("hush".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> encrypted = call(http, "Encrypt", Map.of("KeyId", "alias/app", "Plaintext", plaintext,
                "EncryptionContext", Map.of("LambdaFunctionName", "acc"))).expect(200).json();

        Map<String, Object> decrypted = call(http, "Decrypt", Map.of("CiphertextBlob", encrypted.get("CiphertextBlob"),
                "EncryptionContext", Map.of("LambdaFunctionName", "acc"))).expect(200).json();
        assertThat(decrypted).containsEntry("Plaintext", plaintext).containsEntry("KeyId", encrypted.get("KeyId"));

        assertThat(call(http, "Decrypt", Map.of("CiphertextBlob", encrypted.get("CiphertextBlob"))).expect(400).errorType().orElse(""))
                .isEqualTo("InvalidCiphertextException");
        assertThat(call(http, "CreateAlias", Map.of("AliasName", "alias/app", "TargetKeyId", keyId)).expect(400).errorType().orElse(""))
                .isEqualTo("AlreadyExistsException");
        assertThat(call(http, "DescribeKey", Map.of("KeyId", "alias/none")).expect(400).errorType().orElse("")).isEqualTo("NotFoundException");
        assertThat(call(http, "Encrypt", Map.of("KeyId", "alias/app")).expect(400).errorType().orElse("")).isEqualTo("ValidationException");
        assertThat(call(http, "ScheduleKeyDeletion", Map.of("KeyId", keyId)).expect(400).errorType().orElse(""))
                .isEqualTo("UnknownOperationException");
    }

    @Test
    void aKmsTargetSignedForAnotherServiceIsNotServed() {
        SignedHttp.Response r = http.request("POST", "/").service("logs").header("X-Amz-Target", "TrentService.ListKeys")
                .header("Content-Type", "application/x-amz-json-1.1").json(Map.of()).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorType()).contains("UnknownOperationException");
    }

    @Test
    void theFunctionsKmsPortTakesItsOwnKeyAndKmsOnly() {
        try (FunctionKmsServer functions = new FunctionKmsServer(lambda)) {
            Map<String, String> env = functions.environment();
            URI endpoint = URI.create(env.get("AWS_ENDPOINT_URL_KMS"));
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            SignedHttp port = new SignedHttp("127.0.0.1", endpoint.getPort());
            AccessKey key = new AccessKey(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"));

            assertThat(call(port, "ListKeys", Map.of()).key(key).expect(200).json()).containsKey("Keys");
            assertThat(call(port, "ListKeys", Map.of()).expect(403).errorType().orElse("")).isEqualTo("UnrecognizedClientException");
            SignedHttp.Response lambdaCall = port.request("GET", "/2015-03-31/functions").signedWith(key).send();
            assertThat(lambdaCall.status()).isEqualTo(404);
        }
    }

    private static Call call(SignedHttp on, String operation, Map<String, Object> body) {
        return new Call(on.request("POST", "/").service("kms").header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1").json(body));
    }

    private record Call(SignedHttp.Request request) {
        Call key(AccessKey k) {
            request.signedWith(k);
            return this;
        }

        SignedHttp.Response expect(int status) {
            SignedHttp.Response r = request.send();
            assertThat(r.status()).as(r.text()).isEqualTo(status);
            return r;
        }
    }
}
