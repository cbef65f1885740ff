package io.lambdoku.core.infra;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Predicate;

/**
 * The Day-of-month and Day-of-week fields together: exactly one of them is {@code ?} (EventBridge: "If you
 * use a value or * in one, you must use ? in the other"). Beyond plain values they take Quartz's
 * wildcards, which EventBridge's cron follows: {@code L} (last day of the month; alone in Day-of-week,
 * Saturday), {@code LW} and {@code 15W} (the weekday nearest, never leaving the month), {@code 6L} (the
 * month's last Friday) and {@code 3#2} (its second Tuesday, alone in the field).
 */
final class CronDays {

    private final Predicate<LocalDate> matches;

    private CronDays(Predicate<LocalDate> matches) {
        this.matches = matches;
    }

    boolean matches(LocalDate date) {
        return matches.test(date);
    }

    static CronDays parse(String expression, String dayOfMonth, String dayOfWeek) {
        boolean domAny = dayOfMonth.equals("?");
        boolean dowAny = dayOfWeek.equals("?");
        if (domAny == dowAny) {
            throw CronField.invalid(expression, domAny ? "Day-of-month and Day-of-week cannot both be '?'; give one of them"
                    : "one of Day-of-month and Day-of-week must be '?' (they cannot both be given)");
        }
        return new CronDays(dowAny ? dayOfMonth(expression, dayOfMonth) : dayOfWeek(expression, dayOfWeek));
    }

    private static Predicate<LocalDate> dayOfMonth(String expression, String text) {
        if (text.equals("L")) {
            return d -> d.getDayOfMonth() == d.lengthOfMonth();
        }
        if (text.equals("LW")) {
            return d -> d.equals(nearestWeekday(d.withDayOfMonth(d.lengthOfMonth())));
        }
        if (text.endsWith("W")) {
            int day = CronField.number(expression, "Day-of-month", text.substring(0, text.length() - 1), 1, 31, List.of());
            return d -> day <= d.lengthOfMonth() && d.equals(nearestWeekday(d.withDayOfMonth(day)));
        }
        rejectInList(expression, "Day-of-month", text, "LW#?");
        CronField days = CronField.parse(expression, "Day-of-month", text, 1, 31, List.of(), true);
        return d -> days.allows(d.getDayOfMonth());
    }

    private static Predicate<LocalDate> dayOfWeek(String expression, String text) {
        if (text.equals("L")) {
            return d -> d.getDayOfWeek() == DayOfWeek.SATURDAY;
        }
        if (text.endsWith("L")) {
            DayOfWeek day = day(expression, text.substring(0, text.length() - 1));
            return d -> d.equals(d.with(TemporalAdjusters.lastInMonth(day)));
        }
        int hash = text.indexOf('#');
        if (hash >= 0) {
            DayOfWeek day = day(expression, text.substring(0, hash));
            int nth = CronField.number(expression, "Day-of-week", text.substring(hash + 1), 1, 5, List.of());
            return d -> d.getDayOfWeek() == day && (d.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        rejectInList(expression, "Day-of-week", text, "L#?/"); // no W: WED has one
        CronField days = CronField.parse(expression, "Day-of-week", text, 1, 7, CronField.DAYS, false);
        return d -> days.allows(cronDay(d.getDayOfWeek()));
    }

    /** 1 = SUN … 7 = SAT, as cron counts. */
    private static int cronDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private static DayOfWeek day(String expression, String text) {
        int cron = CronField.number(expression, "Day-of-week", text, 1, 7, CronField.DAYS);
        return DayOfWeek.SUNDAY.plus(cron - 1L);
    }

    /** The weekday nearest {@code day} within its month: Saturday the 1st gives Monday the 3rd, not the 31st before. */
    private static LocalDate nearestWeekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.getDayOfMonth() == 1 ? day.plusDays(2) : day.minusDays(1);
            case SUNDAY -> day.getDayOfMonth() == day.lengthOfMonth() ? day.minusDays(2) : day.plusDays(1);
            default -> day;
        };
    }

    /** The special wildcards stand alone: "3#1,6#3" is two expressions, which EventBridge refuses. */
    private static void rejectInList(String expression, String name, String text, String specials) {
        for (char c : specials.toCharArray()) {
            if (text.indexOf(c) >= 0) {
                throw CronField.invalid(expression, "the " + name + " field '" + text + "' uses '" + c + "' "
                        + (c == '?' || c == '/' ? "where that field does not allow it" : "in a list; it must stand alone"));
            }
        }
    }
}
