package io.lambdoku.core.infra;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A schedule's {@code rate(…)} or {@code cron(…)} expression with its time zone, as EventBridge
 * Scheduler evaluates it: to the minute, cron in the zone's local time (a time that daylight saving
 * skips does not fire, one it repeats fires once), rates as fixed durations.
 */
public interface ScheduleExpression {

    /**
     * The fire time following {@code after}, strictly later: for a cron the first matching minute, for a
     * rate one period on (so {@code after} should be the previous fire time).
     */
    Instant next(Instant after);

    /**
     * The first fire time of a schedule created at {@code created}: a rate fires at once (Scheduler's
     * rule for a rate schedule without a StartDate), a cron at its first matching minute after.
     */
    Instant first(Instant created);

    /** Parses {@code expression} in {@code timezone} (an IANA zone id); bad input fails in one sentence. */
    static ScheduleExpression parse(String expression, String timezone) {
        ZoneId zone = zone(timezone);
        String e = expression == null ? "" : expression.strip();
        if (e.startsWith("rate(") && e.endsWith(")")) {
            return RateExpression.parse(e, e.substring(5, e.length() - 1));
        }
        if (e.startsWith("cron(") && e.endsWith(")")) {
            return CronExpression.parse(e, e.substring(5, e.length() - 1), zone);
        }
        throw new InvalidParameterException("Schedule expression '" + e + "' is neither rate(VALUE UNIT) nor"
                + " cron(Minutes Hours Day-of-month Month Day-of-week Year).");
    }

    /** IANA ids only, as Scheduler's ScheduleExpressionTimezone: not offsets such as +02:00. */
    static ZoneId zone(String timezone) {
        String tz = timezone == null || timezone.isBlank() ? "UTC" : timezone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(tz)) {
            throw new InvalidParameterException("Time zone '" + tz + "' is not an IANA time zone id such as UTC,"
                    + " Europe/Berlin or America/New_York.");
        }
        return ZoneId.of(tz);
    }
}
