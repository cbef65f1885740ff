package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lambdoku.core.secret.EncryptionContexts;
import io.lambdoku.core.secret.KmsException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What a user reads when KMS refuses, for the refusals moto cannot make (it enforces no IAM and no key state):
 * KMS's JSON error answers, as the AWS KMS API Reference lists them, through the SDK's own unmarshaller.
 */
class AwsKmsErrorsTest {

    private static final String KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final Map<String, String> ENV = Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_ENDPOINT_URL", "http://moto.example:5000",
            "AWS_ENDPOINT_URL_KMS", "http://kms.example:4566");

    private final CannedHttp http = new CannedHttp();

    /** What the call throws when KMS answers it with this error. */
    private KmsException refusal(String type, String message, Consumer<AwsKms> call) {
        answer(type, message);
        try (AwsClients clients = new AwsClients(AwsOptions.fromEnvironment(ENV), http)) {
            AwsKms kms = new AwsKms(clients);
            return (KmsException) catchThrowable(() -> call.accept(kms));
        }
    }

    private void answer(String type, String message) {
        http.answer(400, Map.of("Content-Type", "application/x-amz-json-1.1"),
                ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void kmsCallsGoToAwsEndpointUrlKms() {
        refusal("NotFoundException", "", kms -> kms.keyArn("alias/lambdoku"));

        assertThat(http.sent()).extracting(s -> s.request().host() + ":" + s.request().port())
                .containsExactly("kms.example:4566");
        assertThat(http.sent().get(0).header("X-Amz-Target")).contains("TrentService.DescribeKey");
    }

    @Test
    void aMissingKeyIsNoKeyNotAnError() {
        answer("NotFoundException", "Alias not found");
        try (AwsClients clients = new AwsClients(AwsOptions.fromEnvironment(ENV), http)) {
            assertThat(new AwsKms(clients).keyArn("alias/lambdoku")).isEmpty();
        }
    }

    @Test
    void decryptDeniedNamesThePermissionToGrant() {
        KmsException denied = refusal("AccessDeniedException", "User: arn:aws:iam::111122223333:user/ci is not authorized"
                + " to perform: kms:Decrypt on resource: " + KEY + " because no identity-based policy allows the kms:Decrypt"
                + " action", kms -> kms.decrypt(new byte[] {1, 2, 3}, EncryptionContexts.of("shop")));

        assertThat(denied).hasMessageStartingWith("AWS refused kms:Decrypt on the KMS key that sealed the value to the"
                + " credentials in use (KMS said: User: arn:aws:iam::111122223333:user/ci is not authorized")
                .hasMessageEndingWith("; grant them kms:Decrypt on that key, in its key policy or an IAM policy.");
    }

    @Test
    void encryptDeniedNamesTheKey() {
        KmsException denied = refusal("AccessDeniedException", "not authorized to perform: kms:Encrypt",
                kms -> kms.encrypt("alias/lambdoku", new byte[] {1}, EncryptionContexts.of("shop")));

        assertThat(denied).hasMessage("AWS refused kms:Encrypt on the KMS key alias/lambdoku to the credentials in use"
                + " (KMS said: not authorized to perform: kms:Encrypt); grant them kms:Encrypt on that key, in its key policy"
                + " or an IAM policy.");
    }

    @Test
    void aDisabledKeySaysHowToEnableItOrMoveAway() {
        KmsException disabled = refusal("DisabledException", KEY + " is disabled.",
                kms -> kms.encrypt(KEY, new byte[] {1}, EncryptionContexts.of("shop")));

        assertThat(disabled).hasMessage("The KMS key " + KEY + " is disabled (KMS said: " + KEY + " is disabled.); enable it"
                + " (aws kms enable-key) or move the sealed vars to another key with 'lambdoku config:rekey --kms-key KEY'.");
    }

    @Test
    void aKeyPendingDeletionSaysItCanBeSaved() {
        KmsException pending = refusal("KMSInvalidStateException", KEY + " is pending deletion.",
                kms -> kms.decrypt(new byte[] {1}, EncryptionContexts.of("shop")));

        assertThat(pending).hasMessage("The KMS key that sealed the value cannot be used in its current state (KMS said: "
                + KEY + " is pending deletion.); a key pending deletion can be saved with 'aws kms cancel-key-deletion'.");
    }

    @Test
    void anAsymmetricKeyIsRefusedForSealing() {
        KmsException wrong = refusal("InvalidKeyUsageException", "", kms -> kms.encrypt(KEY, new byte[] {1}, Map.of()));

        assertThat(wrong).hasMessage("The KMS key " + KEY + " cannot seal config vars; use a symmetric encryption key"
                + " (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT).");
    }

    @Test
    void badCredentialsAreWordedAsForEveryOtherService() {
        KmsException refused = refusal("UnrecognizedClientException", "The security token included in the request is invalid.",
                kms -> kms.keyArn("alias/lambdoku"));

        assertThat(refused).hasMessageStartingWith("AWS refused the credentials in use (UnrecognizedClientException)");
    }
}
