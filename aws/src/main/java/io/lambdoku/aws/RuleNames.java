package io.lambdoku.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The EventBridge rule behind a function's schedule: {@code FUNCTION-SCHEDULE}, so that a function's
 * rules sort together and two functions' schedules of the same name never share a rule. Rule names are
 * at most 64 characters of [.-_A-Za-z0-9]; a longer or odder name is cut and given a hash of the full
 * pair, so it stays unique and the same on every run.
 */
final class RuleNames {

    private static final int MAX = 64;
    private static final Pattern VALID = Pattern.compile("[.\\-_A-Za-z0-9]+");

    private RuleNames() {
    }

    static String of(String function, String schedule) {
        String plain = function + "-" + schedule;
        if (plain.length() <= MAX && VALID.matcher(plain).matches()) {
            return plain;
        }
        String cleaned = plain.replaceAll("[^.\\-_A-Za-z0-9]", "_");
        String hash = hash(function + "\n" + schedule);
        return cleaned.substring(0, Math.min(cleaned.length(), MAX - hash.length() - 1)) + "-" + hash;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
