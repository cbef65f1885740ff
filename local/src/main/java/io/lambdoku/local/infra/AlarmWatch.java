package io.lambdoku.local.infra;

import io.lambdoku.core.infra.AlarmEvaluator;
import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.infra.AlarmState;
import io.lambdoku.core.infra.AlarmVerdict;
import io.lambdoku.local.store.Database;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Evaluates every alarm of the store against the invocation records, by CloudWatch's rule
 * ({@link AlarmEvaluator}), and records each change of state in the alarm's history. Alarm actions (SNS
 * topics and the like) do not exist locally: a transition to ALARM says in its history which actions
 * AWS would have run.
 */
public final class AlarmWatch {

    private final LocalInfra infra;
    private final MetricSamples metrics;
    private final Runnable flush;
    private final Consumer<String> problems;

    /** {@code flush}: makes the invocations of this process readable in the store before an evaluation. */
    public AlarmWatch(LocalInfra infra, Database db, Runnable flush, Consumer<String> problems) {
        this.infra = infra;
        this.metrics = new MetricSamples(db);
        this.flush = flush;
        this.problems = problems;
    }

    /** Evaluates every alarm at {@code now}; returns how many changed state. */
    public int tick(Instant now) {
        flush.run();
        int changed = 0;
        for (AlarmRow row : infra.alarmRows(null)) {
            try {
                changed += evaluate(row, now) ? 1 : 0;
            } catch (RuntimeException e) {
                problems.accept("Alarm " + row.alarm().spec().name() + " could not be evaluated: " + e.getMessage());
            }
        }
        return changed;
    }

    private boolean evaluate(AlarmRow row, Instant now) {
        AlarmSpec spec = row.alarm().spec();
        AlarmVerdict verdict = AlarmEvaluator.evaluate(spec,
                metrics.since(row.function(), spec.metric(), AlarmEvaluator.rangeStart(spec, now)), now);
        String from = row.alarm().state();
        if (verdict.state().equals(from)) {
            return false;
        }
        String history = verdict.state().equals(AlarmState.ALARM) && !spec.actions().isEmpty()
                ? verdict.reason() + " Actions not run: local serve has no SNS or other action targets; AWS would notify "
                        + String.join(", ", spec.actions()) + "."
                : verdict.reason();
        return infra.transition(spec.name(), from, verdict.state(), verdict.reason(), history, now);
    }
}
