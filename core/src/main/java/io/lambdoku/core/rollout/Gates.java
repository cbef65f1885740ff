package io.lambdoku.core.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the new version's own traffic must show during each step. Fewer than {@code minInvocations} makes
 * a step inconclusive: it is held (extended) for up to {@code maxHold}, then the rollout fails; below it the rates
 * and p99 are not judged at all (one failed call of three is no evidence of a 1% error rate), while alarms and a
 * count of throttles are. A rate or p99 gate needs at least one invocation: a step nobody called proves nothing,
 * and on AWS a reading is often empty for minutes. An alarm named in {@code alarms} that is in ALARM fails the gate whatever the readings say.
 */
public record Gates(Optional<Double> maxErrorRatePercent, Optional<Duration> maxP99, Optional<Integer> maxThrottles,
                    int minInvocations, Duration maxHold, List<String> alarms) {

    /** Long enough for a quiet hour's traffic to show up at a small weight, short enough that nobody forgets it. */
    public static final Duration DEFAULT_MAX_HOLD = Duration.ofMinutes(10);

    public static final Gates NONE = new Gates(Optional.empty(), Optional.empty(), Optional.empty(), 0, DEFAULT_MAX_HOLD,
            List.of());

    public Gates {
        Objects.requireNonNull(maxHold, "maxHold");
        alarms = List.copyOf(alarms);
        if (minInvocations < 0) {
            throw new IllegalArgumentException("--min-invocations must not be negative");
        }
    }

    /**
     * Judges a reading of the new version (at {@code weightPercent} of the alias's traffic) and the states
     * of the gate's alarms (name → OK/ALARM/INSUFFICIENT_DATA; a missing alarm is absent from the map).
     */
    public Verdict judge(Reading r, double weightPercent, Map<String, String> alarmStates) {
        String at = " over " + r.invocations() + " invocation" + (r.invocations() == 1 ? "" : "s") + " at "
                + Weights.text(weightPercent);
        for (String alarm : alarms) {
            String state = alarmStates.get(alarm);
            if (state == null) {
                return Verdict.fail("alarm " + alarm + " does not exist");
            }
            if (state.equals("ALARM")) {
                return Verdict.fail("alarm " + alarm + " is in ALARM");
            }
        }
        if (maxThrottles.isPresent() && r.throttles() > maxThrottles.get()) {
            return Verdict.fail(r.throttles() + " throttles > " + maxThrottles.get() + at);
        }
        int needed = Math.max(minInvocations, maxErrorRatePercent.isPresent() || maxP99.isPresent() ? 1 : 0);
        if (r.invocations() < needed) {
            return Verdict.inconclusive("only " + r.invocations() + " invocation" + (r.invocations() == 1 ? "" : "s")
                    + " of v" + r.version() + " at " + Weights.text(weightPercent)
                    + (minInvocations > 0 ? " (--min-invocations " + minInvocations + ")" : ": nothing to judge yet"));
        }
        if (maxErrorRatePercent.isPresent() && r.invocations() > 0 && r.errorRatePercent() > maxErrorRatePercent.get()) {
            return Verdict.fail("error rate " + Weights.text(r.errorRatePercent()) + " > " + Weights.text(maxErrorRatePercent.get()) + at);
        }
        if (maxP99.isPresent() && r.p99Ms().isPresent() && r.p99Ms().get() > maxP99.get().toMillis()) {
            return Verdict.fail("p99 " + Math.round(r.p99Ms().get()) + "ms > " + maxP99.get().toMillis() + "ms" + at);
        }
        return Verdict.pass();
    }

    /** The outcome of one judgement: a failure and an inconclusive reading both say why. */
    public record Verdict(Kind kind, String reason) {

        public enum Kind { PASS, FAIL, INCONCLUSIVE }

        static Verdict pass() {
            return new Verdict(Kind.PASS, "");
        }

        static Verdict fail(String reason) {
            return new Verdict(Kind.FAIL, reason);
        }

        static Verdict inconclusive(String reason) {
            return new Verdict(Kind.INCONCLUSIVE, reason);
        }
    }
}
