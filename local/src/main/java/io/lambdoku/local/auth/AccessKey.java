package io.lambdoku.local.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** An access key id and its secret, as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY carry them. */
public record AccessKey(String id, String secret) {

    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public AccessKey {
        if (id == null || id.isBlank() || id.contains("/") || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("An access key id is one word without '/', not '" + id + "'.");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A secret access key cannot be empty.");
        }
    }

    /** A fresh key shaped like AWS's: a 20-character id and a 40-character secret, 240 bits of randomness. */
    public static AccessKey generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("LKIA");
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[30];
        random.nextBytes(secret);
        return new AccessKey(id.toString(), Base64.getEncoder().encodeToString(secret));
    }

    /** Never the secret: records print themselves in logs and stack traces. */
    @Override
    public String toString() {
        return "AccessKey[" + id + "]";
    }
}
