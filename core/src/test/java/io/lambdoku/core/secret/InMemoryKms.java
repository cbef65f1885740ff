package io.lambdoku.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A KMS for tests only: AES-256-GCM keys in memory, the encryption context bound as associated data, and a blob
 * that names its key (as KMS's does), so a wrong context or a deleted key fails like KMS. Counts decrypts, so a
 * test can see that showing fingerprints needs none.
 */
public final class InMemoryKms implements Kms {

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    public final AtomicInteger decrypts = new AtomicInteger();

    @Override
    public byte[] encrypt(String key, byte[] plaintext, Map<String, String> context) {
        String arn = keyArn(key).orElseThrow(() -> new KmsException("No KMS key " + key + "."));
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(arn), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] name = arn.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(2 + name.length + 12 + sealed.length).putShort((short) name.length).put(name)
                    .put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Decrypted decrypt(byte[] ciphertext, Map<String, String> context) {
        decrypts.incrementAndGet();
        try {
            ByteBuffer in = ByteBuffer.wrap(ciphertext);
            byte[] name = new byte[in.getShort()];
            in.get(name);
            String arn = new String(name, StandardCharsets.UTF_8);
            SecretKey key = keys.get(arn);
            if (key == null) {
                throw new KmsException("The KMS key that sealed this value no longer exists.");
            }
            byte[] iv = new byte[12];
            in.get(iv);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(context));
            return new Decrypted(cipher.doFinal(sealed), arn);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof KmsException k) {
                throw k;
            }
            throw new KmsException("KMS could not decrypt the value (InvalidCiphertextException).");
        }
    }

    @Override
    public Optional<String> keyArn(String key) {
        String arn = key.startsWith("alias/") ? aliases.get(key) : key;
        return arn != null && keys.containsKey(arn) ? Optional.of(arn) : Optional.empty();
    }

    @Override
    public String createKey(String aliasName, String description) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            String arn = "arn:aws:kms:us-east-1:000000000000:key/" + UUID.randomUUID();
            keys.put(arn, generator.generateKey());
            aliases.put(aliasName.startsWith("alias/") ? aliasName : "alias/" + aliasName, arn);
            return arn;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scheduled deletion run to its end: releases sealed under it can no longer be decrypted. */
    public void deleteKey(String arn) {
        keys.remove(arn);
    }

    private static byte[] aad(Map<String, String> context) {
        return new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8);
    }
}
