package io.lambdoku.cli.invoke;

import io.lambdoku.cli.UsageException;

/** "10m", "2h", "30s", "1d": how far back logs and metrics look. */
final class Since {

    private Since() {
    }

    static long millisAgo(String text) {
        if (text == null || !text.matches("[0-9]{1,6}[smhd]")) {
            throw new UsageException("--since '" + text + "' is not a duration like 30s, 10m, 2h or 1d.");
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        long unit = switch (text.charAt(text.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            default -> 86_400_000L;
        };
        return System.currentTimeMillis() - n * unit;
    }
}
