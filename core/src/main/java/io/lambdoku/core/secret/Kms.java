package io.lambdoku.core.secret;

import java.util.Map;
import java.util.Optional;

/**
 * The part of KMS that sealed config vars need, as Lambda's console encryption helpers use it: Encrypt under a
 * key with an encryption context, Decrypt with the same context. Local: keys kept in the store (AES-256-GCM);
 * AWS: KMS through the SDK. Failures (a wrong context, a missing or disabled key, access denied) are
 * {@link KmsException}s, one sentence each, never holding the plaintext.
 */
public interface Kms {

    /** KMS Encrypt takes 1 to 4096 bytes of plaintext (a limit of KMS, not of Lambda's environment). */
    int MAX_PLAINTEXT = 4096;

    /** KMS Encrypt: the CiphertextBlob of {@code plaintext} under {@code key} (key id, key ARN, alias/NAME or alias ARN). */
    byte[] encrypt(String key, byte[] plaintext, Map<String, String> context);

    /** KMS Decrypt: the plaintext and the ARN of the key that sealed it (the blob names its key, as KMS's does). */
    Decrypted decrypt(byte[] ciphertext, Map<String, String> context);

    /** DescribeKey: the key's ARN, empty when there is no such key or alias. */
    Optional<String> keyArn(String key);

    /** CreateKey (symmetric, ENCRYPT_DECRYPT) and CreateAlias {@code alias/NAME} for it: the new key's ARN. */
    String createKey(String aliasName, String description);

    record Decrypted(byte[] plaintext, String keyArn) {
    }
}
