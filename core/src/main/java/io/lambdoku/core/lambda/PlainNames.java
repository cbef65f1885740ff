package io.lambdoku.core.lambda;

/**
 * Lambda's simplest name patterns ({@code [a-zA-Z0-9_-]{1,64}}, {@code [a-zA-Z][a-zA-Z0-9_]+}), checked character by
 * character: every everyday command checks a name, and java.util.regex's first use costs a command ~2 ms.
 */
final class PlainNames {

    private PlainNames() {
    }

    /** {@code s} is {@code min} to {@code max} ASCII letters, digits or characters of {@code punctuation}. */
    static boolean matches(String s, int min, int max, String punctuation) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && punctuation.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
