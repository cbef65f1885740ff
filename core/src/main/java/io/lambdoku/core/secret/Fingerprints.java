package io.lambdoku.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short fingerprints of config values: the first 8 hex digits of HMAC-SHA256 under a key that never
 * leaves this machine. Enough to see that a value changed, or that two releases hold the same one,
 * without showing it. Keyed, not a plain hash: a plain SHA-256 of a short password or PIN in a CI log
 * could be checked against guesses by anyone who reads the log; without the key nobody can.
 */
public final class Fingerprints {

    public static final int KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public Fingerprints(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a fingerprint key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), HMAC);
    }

    /**
     * The fingerprints of one app: under HMAC-SHA256(this key, the function's name), so equal values in two apps
     * are not recognisable as equal, while a value keeps its fingerprint from release to release of one app.
     */
    public Fingerprints forApp(String function) {
        return new Fingerprints(mac(function));
    }

    public String of(String value) {
        return HexFormat.of().formatHex(mac(value), 0, 4);
    }

    private byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }
}
