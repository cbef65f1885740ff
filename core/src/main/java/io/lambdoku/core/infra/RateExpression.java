package io.lambdoku.core.infra;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(VALUE UNIT)}: a positive whole VALUE; UNIT minute, hour or day, singular when VALUE is 1
 * and plural otherwise (EventBridge refuses {@code rate(1 minutes)} and {@code rate(5 minute)}). A day
 * is 24 hours whatever daylight saving does, as on Scheduler.
 */
record RateExpression(String text, Duration period) implements ScheduleExpression {

    private static final Pattern FORM = Pattern.compile("([0-9]+) +([a-z]+)");
    private static final Map<String, Duration> UNITS = Map.of("minute", Duration.ofMinutes(1),
            "hour", Duration.ofHours(1), "day", Duration.ofDays(1));

    static RateExpression parse(String text, String inside) {
        Matcher m = FORM.matcher(inside.strip());
        if (!m.matches()) {
            throw invalid(text, "write it as rate(VALUE UNIT), e.g. rate(5 minutes) or rate(1 hour)");
        }
        long value = parseValue(text, m.group(1));
        String unit = m.group(2);
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        if (!UNITS.containsKey(singular)) {
            throw invalid(text, "the unit '" + unit + "' is not one of minute(s), hour(s), day(s)");
        }
        if (value == 1 && !unit.equals(singular)) {
            throw invalid(text, "a value of 1 takes the singular unit: rate(1 " + singular + ")");
        }
        if (value > 1 && unit.equals(singular)) {
            throw invalid(text, "a value above 1 takes the plural unit: rate(" + value + " " + singular + "s)");
        }
        return new RateExpression(text, UNITS.get(singular).multipliedBy(value));
    }

    private static long parseValue(String text, String digits) {
        try {
            long value = Long.parseLong(digits);
            if (value > 0 && value <= 1_000_000) {
                return value;
            }
        } catch (NumberFormatException tooLong) {
            // out of range, said below
        }
        throw invalid(text, "the value must be a positive whole number");
    }

    private static InvalidParameterException invalid(String text, String why) {
        return new InvalidParameterException("Schedule expression '" + text + "' is not a valid rate: " + why + ".");
    }

    @Override
    public Instant next(Instant after) {
        return after.plus(period);
    }

    @Override
    public Instant first(Instant created) {
        return created;
    }

    @Override
    public String toString() {
        return text;
    }
}
