package io.lambdoku.core.infra;

import java.util.Objects;
import java.util.Optional;

/**
 * A trigger that invokes a function on a schedule: {@code rate(5 minutes)} or Lambda's 6-field
 * {@code cron(0 12 * * ? *)}, in {@code timezone} (an IANA zone; UTC when none is given), with
 * {@code payload} (JSON text) as the event, else EventBridge's "Scheduled Event".
 */
public record ScheduleSpec(String name, String expression, String timezone, Optional<String> payload, boolean enabled) {

    public ScheduleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        timezone = timezone == null || timezone.isBlank() ? "UTC" : timezone;
        payload = payload == null ? Optional.empty() : payload;
    }

    /** The name of a function's n-th schedule (from 1) when the manifest gives it none. */
    public static String defaultName(String function, int n) {
        return function + "-schedule-" + n;
    }
}
