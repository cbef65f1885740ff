package io.lambdoku.local.kms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local KMS's CiphertextBlob: {@code "LK" 1 len keyId iv(12) AES-256-GCM(plaintext)+tag(16)}. It names its key,
 * as a KMS blob does, so Decrypt needs no KeyId. The header and the encryption context (sorted by key, each key and
 * value length-prefixed, so no two contexts encode alike) are GCM's additional authenticated data: a blob altered
 * anywhere, moved to another key, or opened under another context fails its tag.
 */
final class Ciphertexts {

    private static final byte[] MAGIC = {'L', 'K'};
    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ciphertexts() {
    }

    static byte[] seal(String keyId, byte[] key, byte[] plaintext, Map<String, String> context) {
        byte[] header = header(keyId);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, iv, aad(header, context), plaintext);
        return ByteBuffer.allocate(header.length + iv.length + sealed.length).put(header).put(iv).put(sealed).array();
    }

    /** The key id the blob names; {@link KmsError#invalidCiphertext()} when it is no blob of this format. */
    static String keyId(byte[] blob) {
        int idLength = blob.length > 3 ? blob[3] & 0xff : 0;
        if (blob.length < 4 + idLength + IV_BYTES + TAG_BITS / 8 || blob[0] != MAGIC[0] || blob[1] != MAGIC[1]
                || blob[2] != VERSION || idLength == 0) {
            throw KmsError.invalidCiphertext();
        }
        return new String(blob, 4, idLength, StandardCharsets.US_ASCII);
    }

    static byte[] open(byte[] blob, byte[] key, Map<String, String> context) {
        int headerLength = 4 + (blob[3] & 0xff);
        byte[] header = Arrays.copyOfRange(blob, 0, headerLength);
        byte[] iv = Arrays.copyOfRange(blob, headerLength, headerLength + IV_BYTES);
        byte[] sealed = Arrays.copyOfRange(blob, headerLength + IV_BYTES, blob.length);
        return run(Cipher.DECRYPT_MODE, key, iv, aad(header, context), sealed);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[4 + id.length];
        header[0] = MAGIC[0];
        header[1] = MAGIC[1];
        header[2] = VERSION;
        header[3] = (byte) id.length;
        System.arraycopy(id, 0, header, 4, id.length);
        return header;
    }

    private static byte[] aad(byte[] header, Map<String, String> context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        new TreeMap<>(context).forEach((k, v) -> {
            lengthPrefixed(out, k);
            lengthPrefixed(out, v);
        });
        return out.toByteArray();
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] run(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw KmsError.invalidCiphertext();
        } catch (GeneralSecurityException e) {
            throw KmsError.internal("AES-256-GCM failed: " + e.getMessage(), e);
        }
    }
}
