package io.lambdoku.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Fetches a version's zip from the presigned Code.Location GetFunction returns (valid ~10 minutes):
 * the fallback when the artifact bucket does not hold a release's code. Bytes whose hash is not the
 * expected CodeSha256 are rejected.
 */
final class CodeDownload {

    private CodeDownload() {
    }

    static Optional<byte[]> fetch(String location, String expectedSha256) {
        try {
            HttpURLConnection http = (HttpURLConnection) new URL(location).openConnection();
            http.setConnectTimeout(5_000);
            http.setReadTimeout(120_000);
            if (http.getResponseCode() != 200) {
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = http.getInputStream()) {
                bytes = in.readAllBytes();
            }
            return expectedSha256.equals(sha256(bytes)) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
