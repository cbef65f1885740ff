package io.lambdoku.aws;

import io.lambdoku.core.secret.KmsException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Maps what KMS answers to {@link KmsException} sentences that say what to do. Told apart by KMS's error code
 * (Encrypt, Decrypt, DescribeKey, CreateKey and CreateAlias in the AWS KMS API Reference), never by its wording.
 * No sentence holds a plaintext: KMS never echoes one, and none is passed in here.
 */
final class KmsErrors {

    /** One call: the permission it needs, the key it named (empty for Decrypt: the blob names it) and its context. */
    record Call(String action, Optional<String> key, Map<String, String> context) {

        static Call of(String action, String key) {
            return new Call(action, Optional.of(key), Map.of());
        }

        static Call decrypt(Map<String, String> context) {
            return new Call("kms:Decrypt", Optional.empty(), context);
        }

        String keyName() {
            return key.map(k -> "the KMS key " + k).orElse("the KMS key that sealed the value");
        }
    }

    private final AwsErrors errors;
    /** Read only when a sentence names it: building the adapter must not resolve the region. */
    private final Supplier<String> region;

    KmsErrors(AwsErrors errors, Supplier<String> region) {
        this.errors = errors;
        this.region = region;
    }

    <T> T call(Call call, Supplier<T> request) {
        try {
            return request.get();
        } catch (AwsServiceException e) {
            throw service(call, e);
        } catch (SdkClientException e) {
            throw new KmsException(errors.client(e).getMessage(), e);
        }
    }

    KmsException service(Call call, AwsServiceException e) {
        String code = AwsErrors.code(e);
        String said = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                || e.awsErrorDetails().errorMessage().isBlank() ? "" : " (KMS said: " + e.awsErrorDetails().errorMessage() + ")";
        return new KmsException(switch (code) {
            // KMS answers a wrong context, a blob altered or made by another service all alike, with no detail
            case "InvalidCiphertextException" -> "The sealed value could not be decrypted: the ciphertext or its encryption"
                    + " context " + call.context() + " does not match (was it sealed for another function?).";
            case "AccessDeniedException" -> "AWS refused " + call.action() + " on " + call.keyName() + " to the credentials in"
                    + " use" + said + "; grant them " + call.action() + " on that key, in its key policy or an IAM policy.";
            case "NotFoundException" -> call.key().isPresent()
                    ? "There is no KMS key " + call.key().get() + " in " + region.get() + said + "; check --kms-key (keys and aliases"
                            + " belong to one region), or create one with 'lambdoku setup --kms-key'."
                    : "The KMS key that sealed the value no longer exists in " + region.get() + said + "; the value cannot be"
                            + " decrypted, set it again.";
            case "DisabledException" -> capitalized(call.keyName()) + " is disabled" + said + "; enable it (aws kms enable-key)"
                    + " or move the sealed vars to another key with 'lambdoku config:rekey --kms-key KEY'.";
            case "KMSInvalidStateException" -> capitalized(call.keyName()) + " cannot be used in its current state" + said
                    + "; a key pending deletion can be saved with 'aws kms cancel-key-deletion'.";
            case "InvalidKeyUsageException", "IncorrectKeyException" -> capitalized(call.keyName()) + " cannot seal config"
                    + " vars" + said + "; use a symmetric encryption key (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT).";
            case "AlreadyExistsException" -> aliasTaken(call.key().orElse("")).getMessage();
            case "InvalidAliasNameException" -> call.key().orElse("The alias") + " is not a valid KMS alias name" + said
                    + "; use alias/NAME with letters, digits, '/', '_' and '-', not starting alias/aws/.";
            case "KeyUnavailableException", "DependencyTimeoutException", "KMSInternalException", "ThrottlingException",
                    "LimitExceededException" -> "KMS could not serve "
                    + call.action() + " on " + call.keyName() + " just now (" + code + ")" + said + "; try again in a minute.";
            default -> errors.service(AwsErrors.Subject.function(call.key().orElse("(kms)")), e).getMessage();
        }, e);
    }

    KmsException aliasTaken(String alias) {
        return new KmsException("The alias " + alias + " already exists in " + region.get() + "; use its key with --kms-key "
                + alias + ", or name another alias.");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
