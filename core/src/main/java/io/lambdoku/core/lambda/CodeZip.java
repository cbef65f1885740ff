package io.lambdoku.core.lambda;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** A deployment package in memory, with its hash computed once, exactly as Lambda computes it. */
public final class CodeZip implements CodePackage {

    private final byte[] bytes;
    private final byte[] sha256;

    public CodeZip(byte[] bytes) {
        this.bytes = bytes.clone();
        this.sha256 = digest(this.bytes);
    }

    /** base64(SHA-256(zip bytes)): Lambda's CodeSha256. */
    @Override
    public String codeSha256() {
        return Base64.getEncoder().encodeToString(sha256);
    }

    @Override
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
