package io.lambdoku.core.lock;

import java.time.Duration;
import java.time.Instant;

/** How long ago, in the unit a person reads at a glance: {@code 42 s ago}, {@code 3 min ago}, {@code 5 h ago}. */
public final class Ages {

    private Ages() {
    }

    public static String ago(Instant then, Instant now) {
        return of(Duration.between(then, now)) + " ago";
    }

    /** Seconds below two minutes, minutes below two hours, then hours; a negative span (clock skew) reads as 0 s. */
    public static String of(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s / 3600 + " h";
    }
}
