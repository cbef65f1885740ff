package io.lambdoku.local.infra;

import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.runtime.LocalInvoker;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What {@code local serve} does besides answering requests: every tick, fire the schedules that are due
 * and evaluate the alarms, on one daemon thread, by {@code clock}. Schedules have a minute's precision
 * and CloudWatch evaluates alarms every minute; a tick of a few seconds keeps both within that.
 */
public final class InfraLoop implements AutoCloseable {

    public static final Duration DEFAULT_TICK = Duration.ofSeconds(5);
    /** Ticks faster, for tests that should not wait seconds for a schedule or an alarm. */
    public static final String TICK_VARIABLE = "LAMBDOKU_SERVE_TICK_MS";

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lambdoku-schedules-alarms");
        t.setDaemon(true);
        return t;
    });
    private final Scheduler scheduler;
    private final AlarmWatch alarms;
    private final Clock clock;
    private final Consumer<String> problems;

    private InfraLoop(Scheduler scheduler, AlarmWatch alarms, Clock clock, Consumer<String> problems) {
        this.scheduler = scheduler;
        this.alarms = alarms;
        this.clock = clock;
        this.problems = problems;
    }

    /** Starts ticking now; {@code problems} hears what failed (a schedule that could not fire), in one sentence. */
    public static InfraLoop start(LocalLambda lambda, LocalInvoker invoker, Clock clock, Duration tick,
                                  Consumer<String> problems) {
        LocalInfra infra = new LocalInfra(lambda, clock);
        InfraLoop loop = new InfraLoop(new Scheduler(infra, invoker, lambda.options().region(), problems),
                new AlarmWatch(infra, lambda.database(), invoker::flush, problems), clock, problems);
        loop.thread.scheduleWithFixedDelay(loop::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return loop;
    }

    /** The tick {@value #TICK_VARIABLE} asks for, else {@link #DEFAULT_TICK}. */
    public static Duration tick(Map<String, String> env) {
        String text = env.get(TICK_VARIABLE);
        if (text == null || text.isBlank()) {
            return DEFAULT_TICK;
        }
        if (!text.matches("[0-9]{2,6}")) {
            throw new InvalidParameterException(TICK_VARIABLE + " must be a whole number of milliseconds from 10 to 999999,"
                    + " not '" + text + "'.");
        }
        return Duration.ofMillis(Long.parseLong(text));
    }

    private void tick() {
        try {
            scheduler.tick(clock.instant());
            alarms.tick(clock.instant());
        } catch (RuntimeException e) {
            // the store busy or gone for a moment: the next tick tries again; a dead thread would never
            problems.accept("Schedules and alarms were not checked: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
