package io.lambdoku.local.infra;

import io.lambdoku.core.infra.ScheduleExpression;
import io.lambdoku.core.invoke.FunctionInvoker;
import io.lambdoku.core.invoke.InvocationType;
import io.lambdoku.core.invoke.InvokeRequest;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.local.Arns;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Fires the store's schedules: each enabled schedule whose due time has come invokes its function's
 * $LATEST asynchronously (an Event invocation, as EventBridge does) with the schedule's payload or the
 * "Scheduled Event". A due time fires at most once: the store records it before the invoke, and only
 * the process that records it invokes. After downtime a schedule fires once for the latest due time it
 * missed, not once per missed time. A disabled schedule lets its due times pass without firing.
 */
public final class Scheduler {

    /** Bound on the due times skipped over in one catch-up (rate(1 minute) down for ~70 days). */
    private static final int MAX_CATCH_UP = 100_000;

    private final LocalInfra infra;
    private final FunctionInvoker invoker;
    private final Arns arns;
    private final String region;
    private final Consumer<String> problems;

    public Scheduler(LocalInfra infra, FunctionInvoker invoker, String region, Consumer<String> problems) {
        this.infra = infra;
        this.invoker = invoker;
        this.arns = new Arns(region);
        this.region = region;
        this.problems = problems;
    }

    /** Fires what is due at {@code now}; returns how many invocations it started. */
    public int tick(Instant now) {
        int fired = 0;
        for (ScheduleRow row : infra.scheduleRows(null)) {
            try {
                fired += fire(row, now) ? 1 : 0;
            } catch (RuntimeException e) {
                problems.accept("Schedule " + row.spec().name() + " of " + row.function() + " did not fire: " + e.getMessage());
            }
        }
        return fired;
    }

    /** When the schedule fires next, from what the store says it last fired for. */
    public static Instant nextRun(ScheduleRow row) {
        ScheduleExpression expression = ScheduleExpression.parse(row.spec().expression(), row.spec().timezone());
        return row.lastFired().map(expression::next).orElseGet(() -> expression.first(row.created()));
    }

    /** The last due time up to {@code now}, from {@code due} on: what a catch-up fires for. */
    private static Instant latestDue(ScheduleExpression expression, Instant due, Instant now) {
        Instant latest = due;
        for (int i = 0; i < MAX_CATCH_UP; i++) {
            Instant later = expression.next(latest);
            if (later.isAfter(now)) {
                break;
            }
            latest = later;
        }
        return latest;
    }

    private boolean fire(ScheduleRow row, Instant now) {
        ScheduleExpression expression = ScheduleExpression.parse(row.spec().expression(), row.spec().timezone());
        Instant first = nextRun(row);
        if (first.isAfter(now)) {
            return false;
        }
        Instant due = latestDue(expression, first, now);
        if (!infra.markFired(row.spec().name(), row.lastFired(), due) || !row.spec().enabled()) {
            return false;
        }
        String payload = row.spec().payload().orElseGet(() -> ScheduledEvent.json(region, arns.schedule(row.spec().name()),
                due));
        invoker.invoke(new InvokeRequest(row.function(), FunctionConfig.LATEST, payload.getBytes(StandardCharsets.UTF_8),
                InvocationType.EVENT, false));
        return true;
    }
}
