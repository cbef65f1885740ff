package io.lambdoku.aws;

import io.lambdoku.aws.KmsErrors.Call;
import io.lambdoku.core.secret.Kms;
import io.lambdoku.core.secret.KmsException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * {@link Kms} over AWS KMS (or moto, LocalStack, lambdoku's own server: AWS_ENDPOINT_URL_KMS or --endpoint-url).
 * Encrypt takes any KeyId form KMS takes (key id, key ARN, alias/NAME, alias ARN); Decrypt sends no KeyId, as the
 * symmetric CiphertextBlob names its key, and answers that key's ARN.
 */
public final class AwsKms implements Kms {

    /** Marks keys lambdoku made (setup --kms-key), so a user can tell them from their own in the console. */
    static final Tag MANAGED = Tag.builder().tagKey("lambdoku:managed").tagValue("true").build();
    /** ScheduleKeyDeletion's shortest waiting period; a key is not billed while pending deletion. */
    private static final int SHORTEST_DELETION_WINDOW_DAYS = 7;

    private final AwsClients clients;
    private final KmsErrors errors;

    public AwsKms(AwsClients clients) {
        this.clients = clients;
        String endpoint = clients.options().endpointFor(AwsOptions.Service.KMS).map(Object::toString).orElse("AWS KMS");
        this.errors = new KmsErrors(new AwsErrors(endpoint), () -> clients.region().id());
    }

    @Override
    public byte[] encrypt(String key, byte[] plaintext, Map<String, String> context) {
        return errors.call(Call.of("kms:Encrypt", key), () -> kms().encrypt(b -> b.keyId(key)
                .plaintext(SdkBytes.fromByteArray(plaintext)).encryptionContext(context))).ciphertextBlob().asByteArray();
    }

    @Override
    public Decrypted decrypt(byte[] ciphertext, Map<String, String> context) {
        DecryptResponse answer = errors.call(Call.decrypt(context), () -> kms().decrypt(b -> b
                .ciphertextBlob(SdkBytes.fromByteArray(ciphertext)).encryptionContext(context)));
        return new Decrypted(answer.plaintext().asByteArray(), answer.keyId());
    }

    /** KMS answers NotFoundException for an unknown key or alias, and for a KeyId that is no id at all. */
    @Override
    public Optional<String> keyArn(String key) {
        return errors.call(Call.of("kms:DescribeKey", key), () -> {
            try {
                return Optional.of(kms().describeKey(b -> b.keyId(key)).keyMetadata().arn());
            } catch (NotFoundException missing) {
                return Optional.<String>empty();
            }
        });
    }

    /**
     * The alias is looked up first, so an existing one is named rather than a second key made; if another process
     * takes the alias between the look-up and CreateAlias, the key just made is scheduled for deletion (unbilled
     * meanwhile) rather than left behind unnamed.
     */
    @Override
    public String createKey(String aliasName, String description) {
        String alias = aliasName.startsWith("alias/") ? aliasName : "alias/" + aliasName;
        if (keyArn(alias).isPresent()) {
            throw errors.aliasTaken(alias);
        }
        String arn = errors.call(Call.of("kms:CreateKey", alias), () -> kms().createKey(b -> b.description(description)
                .keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.ENCRYPT_DECRYPT).tags(MANAGED))).keyMetadata().arn();
        try {
            errors.call(Call.of("kms:CreateAlias", alias), () -> kms().createAlias(b -> b.aliasName(alias).targetKeyId(arn)));
        } catch (KmsException e) {
            deleteQuietly(arn);
            throw e;
        }
        return arn;
    }

    private void deleteQuietly(String arn) {
        try {
            kms().scheduleKeyDeletion(b -> b.keyId(arn).pendingWindowInDays(SHORTEST_DELETION_WINDOW_DAYS));
        } catch (AwsServiceException | SdkClientException ignored) {
            // the alias failure is what the user needs to read; an unnamed key is theirs to delete
        }
    }

    private KmsClient kms() {
        return clients.kms();
    }
}
