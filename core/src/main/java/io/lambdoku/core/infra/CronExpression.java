package io.lambdoku.core.infra;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Lambda's and EventBridge's six-field {@code cron(Minutes Hours Day-of-month Month Day-of-week Year)},
 * evaluated in a time zone. Daylight saving as EventBridge Scheduler has it: a local time the clocks
 * skip does not fire that day; one they pass twice fires once, at its first occurrence.
 */
final class CronExpression implements ScheduleExpression {

    private static final int LAST_YEAR = 2199;

    private final String text;
    private final ZoneId zone;
    private final CronField minutes;
    private final CronField hours;
    private final CronDays days;
    private final CronField months;
    private final CronField years;

    private CronExpression(String text, ZoneId zone, CronField minutes, CronField hours, CronDays days, CronField months,
                           CronField years) {
        this.text = text;
        this.zone = zone;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.years = years;
    }

    static CronExpression parse(String text, String inside, ZoneId zone) {
        String[] f = inside.strip().split("\\s+");
        if (f.length != 6) {
            throw CronField.invalid(text, "it has " + (inside.isBlank() ? 0 : f.length) + " fields where Lambda's cron has 6"
                    + " (Minutes Hours Day-of-month Month Day-of-week Year)");
        }
        return new CronExpression(text, zone,
                CronField.parse(text, "Minutes", f[0], 0, 59, List.of(), true),
                CronField.parse(text, "Hours", f[1], 0, 23, List.of(), true),
                CronDays.parse(text, f[2], f[4]),
                CronField.parse(text, "Month", f[3], 1, 12, CronField.MONTHS, true),
                CronField.parse(text, "Year", f[5], 1970, LAST_YEAR, List.of(), true));
    }

    @Override
    public Instant next(Instant after) {
        LocalDateTime start = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        while (date.getYear() <= LAST_YEAR) {
            if (!years.allows(date.getYear())) {
                date = LocalDate.of(date.getYear() + 1, 1, 1);
            } else if (!months.allows(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
            } else {
                if (days.matches(date)) {
                    Instant found = firstTimeOn(date, from, after);
                    if (found != null) {
                        return found;
                    }
                }
                date = date.plusDays(1);
            }
            from = LocalTime.MIDNIGHT;
        }
        throw CronField.invalid(text, "it never fires again");
    }

    /** The first matching minute of {@code date} from {@code from} on that exists in the zone and is after {@code after}. */
    private Instant firstTimeOn(LocalDate date, LocalTime from, Instant after) {
        for (int h = hours.atOrAfter(from.getHour()); h >= 0 && h < 24; h = hours.atOrAfter(h + 1)) {
            int firstMinute = h == from.getHour() ? from.getMinute() : 0;
            for (int m = minutes.atOrAfter(firstMinute); m >= 0 && m < 60; m = minutes.atOrAfter(m + 1)) {
                LocalDateTime local = LocalDateTime.of(date, LocalTime.of(h, m));
                List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
                if (offsets.isEmpty()) {
                    continue; // in the gap the clocks skip: Scheduler skips this invocation
                }
                Instant at = local.toInstant(offsets.get(0));
                if (at.isAfter(after)) {
                    return at; // the first of the two when the clocks go back: fires once
                }
            }
        }
        return null;
    }

    @Override
    public Instant first(Instant created) {
        return next(created);
    }

    @Override
    public String toString() {
        return text;
    }
}
