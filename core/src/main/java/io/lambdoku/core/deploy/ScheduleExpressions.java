package io.lambdoku.core.deploy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of a schedule expression as EventBridge takes it: {@code rate(1 minute)}, {@code rate(5 minutes)}
 * (singular unit for 1, plural otherwise), or {@code cron(minutes hours day-of-month month day-of-week year)}
 * with {@code ?} in one of the two day fields.
 */
final class ScheduleExpressions {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

    private ScheduleExpressions() {
    }

    static void check(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            boolean plural = rate.group(2).endsWith("s");
            if (n < 1 || (n == 1) == plural) {
                throw new InvalidParameterException("schedule expression '" + expression + "' is not valid: rate takes a"
                        + " positive number, with a singular unit for 1 (rate(1 minute)) and a plural one otherwise (rate(5 minutes))");
            }
            return;
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6 || !(fields[2].equals("?") ^ fields[4].equals("?"))) {
                throw new InvalidParameterException("schedule expression '" + expression + "' is not valid: cron takes six"
                        + " fields (minutes hours day-of-month month day-of-week year) with ? in exactly one of the day fields,"
                        + " like cron(0 12 * * ? *)");
            }
            return;
        }
        throw new InvalidParameterException("schedule expression '" + expression + "' is not rate(...) or cron(...),"
                + " like rate(5 minutes) or cron(0 12 * * ? *)");
    }

    static void checkZone(String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidParameterException("timezone '" + zone + "' is not a time zone like UTC or Europe/Paris");
        }
    }
}
