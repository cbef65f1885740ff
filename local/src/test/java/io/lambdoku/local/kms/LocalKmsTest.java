package io.lambdoku.local.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.secret.EncryptionContexts;
import io.lambdoku.core.secret.Kms;
import io.lambdoku.core.secret.KmsException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local KMS in a fresh store per test, through the {@link Kms} port the sealing uses and the calls its API adds. */
class LocalKmsTest {

    private static final byte[] SECRET = "s3cret-p4ss".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> ACC = EncryptionContexts.of("acc");

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalKms kms;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "eu-west-1", Duration.ZERO));
        kms = new LocalKms(lambda);
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void whatIsEncryptedUnderAContextDecryptsUnderThatContextAndNamesItsKey() {
        String arn = kms.createKey("lambdoku", "sealed config vars");
        assertThat(arn).matches("arn:aws:kms:eu-west-1:000000000000:key/[0-9a-f-]{36}");

        byte[] blob = kms.encrypt("alias/lambdoku", SECRET, ACC);

        assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
        Kms.Decrypted d = kms.decrypt(blob, Map.of("LambdaFunctionName", "acc"));
        assertThat(d.plaintext()).isEqualTo(SECRET);
        assertThat(d.keyArn()).isEqualTo(arn);
        assertThat(kms.encrypt(arn, SECRET, ACC)).as("a fresh IV every time").isNotEqualTo(blob);
    }

    @Test
    void aWrongOrMissingContextIsRefusedAsKmsRefusesIt() {
        kms.createKey("lambdoku", "");
        byte[] blob = kms.encrypt("alias/lambdoku", SECRET, ACC);

        for (Map<String, String> wrong : java.util.List.of(EncryptionContexts.of("other"), Map.<String, String>of(),
                Map.of("LambdaFunctionName", "acc", "extra", "x"), Map.of("lambdaFunctionName", "acc"))) {
            assertThatThrownBy(() -> kms.decrypt(blob, wrong)).isInstanceOf(KmsException.class)
                    .satisfies(e -> assertThat(((KmsError) e).type()).isEqualTo("InvalidCiphertextException"))
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void theContextIsCanonicalSoItsOrderDoesNotMatter() {
        kms.createKey("k", "");
        Map<String, String> ab = new java.util.LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new java.util.LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(kms.decrypt(kms.encrypt("alias/k", SECRET, ab), ba).plaintext()).isEqualTo(SECRET);
        // "a"="1","b"="2" must not collide with a context whose key holds the separator-looking rest
        assertThatThrownBy(() -> kms.decrypt(kms.encrypt("alias/k", SECRET, ab), Map.of("a", "1b2")))
                .isInstanceOf(KmsException.class);
    }

    @Test
    void aTamperedBlobOrOneMovedToAnotherKeyIsRefused() {
        String first = kms.createKey("first", "");
        String second = kms.createKey("second", "");
        byte[] blob = kms.encrypt("alias/first", SECRET, ACC);

        for (int i : new int[] {0, 5, blob.length / 2, blob.length - 1}) {
            byte[] tampered = blob.clone();
            tampered[i] ^= 1;
            assertThatThrownBy(() -> kms.decrypt(tampered, ACC)).isInstanceOf(KmsException.class);
        }
        String firstId = first.substring(first.lastIndexOf('/') + 1);
        String secondId = second.substring(second.lastIndexOf('/') + 1);
        byte[] moved = new String(blob, StandardCharsets.ISO_8859_1).replace(firstId, secondId).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> kms.decrypt(moved, ACC)).isInstanceOf(KmsError.class)
                .satisfies(e -> assertThat(((KmsError) e).type()).isEqualTo("InvalidCiphertextException"));
        assertThatThrownBy(() -> kms.decrypt(blob, ACC, Optional.of("alias/second"))).isInstanceOf(KmsError.class)
                .satisfies(e -> assertThat(((KmsError) e).type()).isEqualTo("IncorrectKeyException"));
        assertThatThrownBy(() -> kms.decrypt("not a blob".getBytes(StandardCharsets.UTF_8), ACC))
                .isInstanceOf(KmsError.class).hasMessageContaining("cannot be decrypted");
    }

    @Test
    void keysAndAliasesSurviveReopeningTheStore() {
        String arn = kms.createKey("lambdoku", "kept");
        byte[] blob = kms.encrypt("alias/lambdoku", SECRET, ACC);
        lambda.close();

        lambda = LocalLambda.open(new LocalOptions(home, "eu-west-1", Duration.ZERO));
        kms = new LocalKms(lambda);

        assertThat(kms.decrypt(blob, ACC).plaintext()).isEqualTo(SECRET);
        assertThat(kms.keyArn("alias/lambdoku")).contains(arn);
        assertThat(kms.describe(arn).description()).isEqualTo("kept");
    }

    @Test
    void keyMaterialIsReadableByItsOwnerOnlyAndNotInTheDatabase() throws Exception {
        String arn = kms.createKey("lambdoku", "");
        KmsKey key = kms.describe(arn);

        Path file = kms.materialFile(key.id());
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        byte[] material = Files.readAllBytes(file);
        assertThat(material).hasSize(32);
        byte[] db = Files.readAllBytes(home.resolve("local/lambdoku.db"));
        assertThat(indexOf(db, material)).as("the material is not in lambdoku.db").isEqualTo(-1);
    }

    @Test
    void keysAreNamedByIdArnAliasOrAliasArn() {
        String arn = kms.createKey("app/secrets", "");
        String id = arn.substring(arn.lastIndexOf('/') + 1);
        for (String name : new String[] {id, arn, "alias/app/secrets", "arn:aws:kms:eu-west-1:000000000000:alias/app/secrets"}) {
            assertThat(kms.keyArn(name)).as(name).contains(arn);
            assertThat(kms.decrypt(kms.encrypt(name, SECRET, ACC), ACC).plaintext()).isEqualTo(SECRET);
        }
        assertThat(kms.keyArn("alias/missing")).isEmpty();
        assertThat(kms.keyArn("arn:aws:kms:us-east-1:000000000000:key/" + id)).as("another region's").isEmpty();
        assertThatThrownBy(() -> kms.encrypt("alias/missing", SECRET, ACC)).isInstanceOf(KmsError.class)
                .hasMessage("Alias arn:aws:kms:eu-west-1:000000000000:alias/missing is not found.");
    }

    @Test
    void anAliasIsUniqueAndATakenOneCreatesNoKey() {
        kms.createKey("taken", "");
        assertThatThrownBy(() -> kms.createKey("taken", "")).isInstanceOf(KmsError.class)
                .hasMessageContaining("alias/taken already exists");
        assertThat(kms.keys()).hasSize(1);
        assertThatThrownBy(() -> kms.createAlias("alias/aws/lambda", kms.keys().get(0).id())).isInstanceOf(KmsError.class)
                .hasMessageContaining("reserved");
        kms.createAlias("alias/second-name", kms.keys().get(0).id());
        assertThat(kms.aliases()).extracting(KmsAlias::name).containsExactly("alias/second-name", "alias/taken");
    }

    @Test
    void aDisabledKeyNeitherEncryptsNorDecrypts() {
        String arn = kms.createKey("k", "");
        byte[] blob = kms.encrypt(arn, SECRET, ACC);
        kms.setEnabled("alias/k", false);
        assertThatThrownBy(() -> kms.encrypt(arn, SECRET, ACC)).hasMessage(arn + " is disabled.");
        assertThatThrownBy(() -> kms.decrypt(blob, ACC)).hasMessage(arn + " is disabled.");
        kms.setEnabled(arn, true);
        assertThat(kms.decrypt(blob, ACC).plaintext()).isEqualTo(SECRET);
    }

    @Test
    void plaintextIsOneTo4096BytesAsKmsTakes() {
        String arn = kms.createKey("k", "");
        assertThat(kms.decrypt(kms.encrypt(arn, new byte[4096], ACC), ACC).plaintext()).hasSize(4096);
        assertThatThrownBy(() -> kms.encrypt(arn, new byte[4097], ACC)).hasMessageContaining("not 4097");
        assertThatThrownBy(() -> kms.encrypt(arn, new byte[0], ACC)).hasMessageContaining("not 0");
    }

    @Test
    void aDataKeyDecryptsToItsPlaintext() {
        String arn = kms.createKey("k", "");
        LocalKms.DataKey key = kms.generateDataKey(arn, 32, ACC);
        assertThat(key.plaintext()).hasSize(32);
        assertThat(kms.decrypt(key.ciphertext(), ACC).plaintext()).isEqualTo(key.plaintext());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
