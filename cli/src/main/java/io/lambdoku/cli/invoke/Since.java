package io.lambdoku.cli.invoke;

import io.lambdoku.cli.DurationText;

/** "10m", "2h", "30s", "1d": how far back logs and metrics look. */
final class Since {

    private Since() {
    }

    static long millisAgo(String text) {
        return System.currentTimeMillis() - DurationText.parse("--since", text).toMillis();
    }
}
