package io.lambdoku.cli;

import java.time.Duration;

/** Durations as users type them: {@code 800ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, or {@code 0}. */
public final class DurationText {

    private DurationText() {
    }

    /** {@code option} names the flag in the error, e.g. {@code --lock-timeout}. */
    public static Duration parse(String option, String text) {
        if ("0".equals(text)) {
            return Duration.ZERO;
        }
        if (text == null || !text.matches("[0-9]{1,6}(ms|[smhd])")) {
            throw new UsageException(option + " '" + text + "' is not a duration like 30s, 10m, 2h or 1d (or 800ms).");
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
