package io.lambdoku.local;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An instant at millisecond precision written exactly as {@link Instant#toString} writes it, the form the store keeps
 * LastModified in. Every local write stamps one, and Instant.toString starts java.time's formatters (~1.5 ms of a
 * command's time, measured in its profile); the calendar date comes from LocalDate, only the digits are placed here.
 */
final class IsoMillis {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoMillis() {
    }

    static String of(long epochMilli) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMilli, MILLIS_PER_DAY));
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            return Instant.ofEpochMilli(epochMilli).toString(); // signs and wider years: java.time's rules
        }
        int inDay = (int) Math.floorMod(epochMilli, MILLIS_PER_DAY);
        StringBuilder b = new StringBuilder(24).append(day.getYear()).append('-');
        two(b, day.getMonthValue()).append('-');
        two(b, day.getDayOfMonth()).append('T');
        two(b, inDay / 3_600_000).append(':');
        two(b, inDay / 60_000 % 60).append(':');
        two(b, inDay / 1000 % 60);
        int millis = inDay % 1000;
        if (millis != 0) { // ISO_INSTANT prints a fraction only when there is one
            b.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                    .append((char) ('0' + millis % 10));
        }
        return b.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
