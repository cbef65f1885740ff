package io.lambdoku.core.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Fire times checked by hand against a calendar (2026-11-23 is a Monday). */
class ScheduleExpressionTest {

    private static Instant next(String expression, String zone, String after) {
        return ScheduleExpression.parse(expression, zone).next(Instant.parse(after));
    }

    private static Instant utc(String expression, String after) {
        return next(expression, "UTC", after);
    }

    @Test
    void ratesFireOnePeriodAfterThePreviousFireAndAtOnceWhenCreated() {
        assertThat(utc("rate(1 minute)", "2026-11-23T12:00:00Z")).isEqualTo("2026-11-23T12:01:00Z");
        assertThat(utc("rate(5 minutes)", "2026-11-23T12:00:30Z")).isEqualTo("2026-11-23T12:05:30Z");
        assertThat(utc("rate(2 hours)", "2026-11-23T12:00:00Z")).isEqualTo("2026-11-23T14:00:00Z");
        assertThat(utc("rate(1 day)", "2026-11-23T12:00:00Z")).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(ScheduleExpression.parse("rate(1 hour)", "UTC").first(Instant.parse("2026-11-23T12:00:00Z")))
                .isEqualTo("2026-11-23T12:00:00Z");
    }

    @Test
    void aDayOfARateIs24HoursAcrossDaylightSaving() {
        assertThat(next("rate(1 day)", "America/New_York", "2026-03-07T12:00:00Z")).isEqualTo("2026-03-08T12:00:00Z");
    }

    @Test
    void rateUnitsAreSingularForOneAndPluralAbove() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)", "UTC"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Schedule expression 'rate(1 minutes)' is not a valid rate: a value of 1 takes the singular unit:"
                        + " rate(1 minute).");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 minute)", "UTC"))
                .hasMessage("Schedule expression 'rate(5 minute)' is not a valid rate: a value above 1 takes the plural unit:"
                        + " rate(5 minutes).");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(0 minutes)", "UTC"))
                .hasMessageContaining("the value must be a positive whole number");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(5 weeks)", "UTC"))
                .hasMessageContaining("the unit 'weeks' is not one of minute(s), hour(s), day(s)");
        assertThatThrownBy(() -> ScheduleExpression.parse("every 5 minutes", "UTC"))
                .hasMessage("Schedule expression 'every 5 minutes' is neither rate(VALUE UNIT) nor"
                        + " cron(Minutes Hours Day-of-month Month Day-of-week Year).");
    }

    @Test
    void cronFiresAtTheNextMatchingMinute() {
        assertThat(utc("cron(0 12 * * ? *)", "2026-11-23T11:59:30Z")).isEqualTo("2026-11-23T12:00:00Z");
        assertThat(utc("cron(0 12 * * ? *)", "2026-11-23T12:00:00Z")).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(utc("cron(0/15 * * * ? *)", "2026-11-23T12:07:00Z")).isEqualTo("2026-11-23T12:15:00Z");
        assertThat(utc("cron(1/10 * * * ? *)", "2026-11-23T12:01:00Z")).isEqualTo("2026-11-23T12:11:00Z");
        assertThat(utc("cron(* * * * ? *)", "2026-11-23T12:00:59Z")).isEqualTo("2026-11-23T12:01:00Z");
        assertThat(utc("cron(15,45 8-9 * * ? *)", "2026-11-23T08:50:00Z")).isEqualTo("2026-11-23T09:15:00Z");
        assertThat(utc("cron(0 8 1 JAN,JUL ? *)", "2026-11-23T00:00:00Z")).isEqualTo("2027-01-01T08:00:00Z");
        assertThat(utc("cron(0 0 1 1 ? 2030-2031)", "2026-11-23T00:00:00Z")).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void cronDaysOfTheWeekCountFromSunday() {
        assertThat(utc("cron(0 18 ? * MON-FRI *)", "2026-11-27T18:00:00Z")).isEqualTo("2026-11-30T18:00:00Z");
        assertThat(utc("cron(0 18 ? * 1 *)", "2026-11-23T00:00:00Z")).isEqualTo("2026-11-29T18:00:00Z");
        assertThat(utc("cron(0 18 ? * FRI-MON *)", "2026-11-24T00:00:00Z")).isEqualTo("2026-11-27T18:00:00Z");
    }

    @Test
    void cronLastWeekdayAndNthWildcards() {
        assertThat(utc("cron(0 10 L * ? *)", "2028-02-01T00:00:00Z")).isEqualTo("2028-02-29T10:00:00Z");
        assertThat(utc("cron(0 9 15W * ? *)", "2026-11-01T00:00:00Z")).isEqualTo("2026-11-16T09:00:00Z");
        assertThat(utc("cron(0 9 1W * ? *)", "2026-07-31T00:00:00Z")).isEqualTo("2026-08-03T09:00:00Z");
        assertThat(utc("cron(0 9 LW * ? *)", "2026-05-01T00:00:00Z")).isEqualTo("2026-05-29T09:00:00Z");
        assertThat(utc("cron(0 9 ? * 6L *)", "2026-11-01T00:00:00Z")).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(utc("cron(0 9 ? * 3#2 *)", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-08T09:00:00Z");
        assertThat(utc("cron(0 9 ? * L *)", "2026-11-23T00:00:00Z")).isEqualTo("2026-11-28T09:00:00Z");
    }

    @Test
    void cronRunsInItsTimeZone() {
        assertThat(next("cron(0 12 * * ? *)", "Europe/Berlin", "2026-11-23T00:00:00Z")).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(next("cron(0 12 * * ? *)", "Europe/Berlin", "2026-07-01T00:00:00Z")).isEqualTo("2026-07-01T10:00:00Z");
    }

    @Test
    void aTimeTheClocksSkipDoesNotFireAndARepeatedOneFiresOnce() {
        // New York: 2026-03-08 02:00 EST jumps to 03:00 EDT; 2026-11-01 02:00 EDT falls back to 01:00 EST
        assertThat(next("cron(30 2 * * ? *)", "America/New_York", "2026-03-07T07:30:00Z")).isEqualTo("2026-03-09T06:30:00Z");
        Instant first = next("cron(30 1 * * ? *)", "America/New_York", "2026-10-31T12:00:00Z");
        assertThat(first).isEqualTo("2026-11-01T05:30:00Z");
        assertThat(next("cron(30 1 * * ? *)", "America/New_York", first.toString())).isEqualTo("2026-11-02T06:30:00Z");
    }

    @Test
    void badCronSaysWhatIsWrong() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * * *)", "UTC"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Schedule expression 'cron(0 12 * * * *)' is not a valid cron: one of Day-of-month and"
                        + " Day-of-week must be '?' (they cannot both be given).");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 * * ?)", "UTC"))
                .hasMessage("Schedule expression 'cron(0 12 * * ?)' is not a valid cron: it has 5 fields where Lambda's cron"
                        + " has 6 (Minutes Hours Day-of-month Month Day-of-week Year).");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(60 12 * * ? *)", "UTC"))
                .hasMessage("Schedule expression 'cron(60 12 * * ? *)' is not a valid cron: the Minutes field's value 60 is"
                        + " outside 0-59.");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? * 3#1,6#3 *)", "UTC"))
                .hasMessageContaining("is not a valid cron");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? FOO ? *)", "UTC"))
                .hasMessageContaining("both be '?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 1 FOO ? *)", "UTC"))
                .hasMessageContaining("the Month field has 'FOO' where a number or name was expected");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 12 ? * MON/2 *)", "UTC"))
                .hasMessageContaining("uses '/'");
    }

    @Test
    void theTimeZoneMustBeAnIanaId() {
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 hour)", "Mars/Olympus"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Time zone 'Mars/Olympus' is not an IANA time zone id such as UTC, Europe/Berlin or"
                        + " America/New_York.");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 hour)", "+02:00")).hasMessageContaining("IANA");
    }
}
