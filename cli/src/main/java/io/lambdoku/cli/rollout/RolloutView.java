package io.lambdoku.cli.rollout;

import io.lambdoku.core.lock.Ages;
import io.lambdoku.core.rollout.DriverLease;
import io.lambdoku.core.rollout.Phase;
import io.lambdoku.core.rollout.Reading;
import io.lambdoku.core.rollout.Rollout;
import io.lambdoku.core.rollout.Weights;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A rollout record as people read it: one progress line, the status block of {@code rollout}, the closing sentence. */
public final class RolloutView {

    private RolloutView() {
    }

    /** {@code live: Shifting step 1/2, 20% on v9, next shift in 8s | v9: 41 inv, 0% err, p99 52ms, 0 thr}. */
    static String progress(Rollout r, Instant now) {
        StringBuilder line = new StringBuilder(r.alias()).append(": ").append(r.phase().title());
        if (r.phase() == Phase.SHIFTING) {
            line.append(' ').append(r.stepText());
        }
        line.append(", ").append(percent(r.weight())).append(" on v").append(r.newVersion());
        r.nextShift().filter(at -> !r.phase().finished()).ifPresent(at -> line.append(", next shift in ").append(until(now, at)));
        r.paused().ifPresent(why -> line.append(", paused: ").append(why));
        r.reason().filter(why -> !r.phase().finished() && r.paused().isEmpty()).ifPresent(why -> line.append(" (").append(why)
                .append(')'));
        Reading reading = r.readings().get(r.newVersion());
        if (reading != null) {
            line.append(" | v").append(r.newVersion()).append(": ").append(reading(reading));
        }
        return line.toString();
    }

    /** A plain line per transition: what moved, not the readings that change every second. */
    static String transition(Rollout r) {
        String from = r.oldVersion().map(v -> "v" + v + " -> ").orElse("");
        String line = r.function() + " " + r.alias() + " " + from + "v" + r.newVersion() + ": " + r.phase().title();
        if (r.phase() == Phase.SHIFTING) {
            line += " " + r.stepText() + ", " + percent(r.weight()) + " on v" + r.newVersion();
        }
        if (r.paused().isPresent()) {
            line += ", paused: " + r.paused().get();
        }
        return line;
    }

    /** The key of {@link #transition}: a plain line is printed when it changes. */
    static String transitionKey(Rollout r) {
        return r.id() + r.phase() + r.step() + r.weight() + r.paused().orElse("");
    }

    /** The last line a driving command prints: what the rollout came to, and what to do about a pause. */
    public static String outcome(Rollout r) {
        String name = "v" + r.newVersion() + " on " + r.alias();
        String why = r.reason().map(s -> ": " + s).orElse("");
        if (r.paused().isPresent() && !r.phase().finished()) {
            return "Rollout paused at " + percent(r.weight()) + " on " + r.alias() + " (" + r.paused().get() + "); continue with "
                    + "'lambdoku rollout:resume -a " + r.function() + " --alias " + r.alias() + "' or 'lambdoku rollout:abort -a "
                    + r.function() + " --alias " + r.alias() + "'.";
        }
        return switch (r.phase()) {
            case SUCCEEDED -> "Rolled out " + name + ": 100% on v" + r.newVersion() + ".";
            case ROLLED_BACK -> "Rolled back " + name + why;
            case FAILED -> "Rollout of " + name + " failed" + why;
            default -> "Rollout of " + name + " is " + r.phase().title() + " at " + percent(r.weight()) + " with no live driver;"
                    + " continue with 'lambdoku rollout:resume -a " + r.function() + " --alias " + r.alias() + "'.";
        };
    }

    /** The status block of {@code rollout}. */
    static List<String> status(Rollout r, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("=== " + r.function() + " " + r.alias() + ": " + r.oldVersion().map(v -> "v" + v + " -> ").orElse("")
                + "v" + r.newVersion() + " (" + r.strategy().text() + ")");
        lines.add("Phase:      " + r.phase().title() + (r.phase().finished() ? "" : ", " + r.stepText()));
        lines.add("Weight:     " + percent(r.weight()) + " on v" + r.newVersion());
        r.nextShift().filter(at -> !r.phase().finished()).ifPresent(at -> lines.add("Next shift: in " + until(now, at)
                + " (" + at.truncatedTo(ChronoUnit.SECONDS) + ")"));
        r.readings().values().forEach(reading -> lines.add("v" + reading.version() + ":" + " ".repeat(
                Math.max(1, 11 - reading.version().length() - 2)) + reading(reading)));
        r.lease().ifPresentOrElse(l -> lines.add("Driver:     " + driver(l, now)), () -> {
            if (!r.phase().finished()) {
                lines.add("Driver:     none");
            }
        });
        r.paused().ifPresent(why -> lines.add("Paused:     " + why));
        r.reason().ifPresent(why -> lines.add("Reason:     " + why));
        lines.add("Started:    " + r.started().truncatedTo(ChronoUnit.SECONDS) + " by " + r.startedBy());
        r.finished().ifPresent(at -> lines.add("Finished:   " + at.truncatedTo(ChronoUnit.SECONDS)));
        return lines;
    }

    public static String driver(DriverLease l, Instant now) {
        Duration age = Duration.between(l.heartbeat(), now);
        return l.holder() + " pid " + l.pid() + ", heartbeat " + Ages.of(age.isNegative() ? Duration.ZERO : age) + " ago"
                + (l.staleAt(now) ? " (stale: 'lambdoku rollout:resume' takes it over)" : "");
    }

    public static String reading(Reading r) {
        return r.invocations() + " invocation" + (r.invocations() == 1 ? "" : "s") + ", " + percent(r.errorRatePercent())
                + " errors, p99 " + r.p99Ms().map(p -> Math.round(p) + "ms").orElse("-") + ", " + r.throttles() + " throttle"
                + (r.throttles() == 1 ? "" : "s");
    }

    public static String percent(double p) {
        return Weights.text(p);
    }

    private static String until(Instant now, Instant at) {
        long s = Math.max(0, Duration.between(now, at).toSeconds());
        return s < 120 ? s + "s" : s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
}
