package io.lambdoku.cli.rollout;

import io.lambdoku.cli.DurationText;
import io.lambdoku.cli.UsageException;
import io.lambdoku.core.rollout.Gates;
import io.lambdoku.core.rollout.Hook;
import io.lambdoku.core.rollout.StartRequest;
import io.lambdoku.core.rollout.Strategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a rollout moves and what it checks, shared by {@code rollout:start} and {@code deploy --strategy}. Values
 * are read as text and checked here, so a bad one is one sentence naming its flag (exit 2) before anything moves.
 */
public final class RolloutOptions {


    @Option(names = "--strategy", paramLabel = "S", description = {"canary:PCT:INTERVAL, linear:PCT:INTERVAL,",
        "steps:5,25,50:INTERVAL, all-at-once, or a CodeDeploy name (LambdaCanary10Percent5Minutes)."})
    String strategy;

    @Option(names = "--max-error-rate", paramLabel = "PCT", description = "Gate: the new version's error rate, e.g. 1%.")
    String maxErrorRate;

    @Option(names = "--max-p99", paramLabel = "DURATION", description = "Gate: the new version's p99 duration, e.g. 800ms.")
    String maxP99;

    @Option(names = "--max-throttles", paramLabel = "N", description = "Gate: throttles of the new version per step.")
    String maxThrottles;

    @Option(names = "--min-invocations", paramLabel = "N",
            description = "Fewer invocations of the new version make a step inconclusive: it is held (default 0).")
    String minInvocations;

    @Option(names = "--max-hold", paramLabel = "DURATION",
            description = "How long an inconclusive step may be held before the rollout fails (default 10m).")
    String maxHold;

    @Option(names = "--alarm", paramLabel = "NAME", description = "Gate (aws): this CloudWatch alarm in ALARM fails it; repeatable.")
    List<String> alarms = new ArrayList<>();

    @Option(names = "--pre-hook", paramLabel = "FUNCTION", description = "Invoked before traffic moves; a failure stops it.")
    String preHook;

    @Option(names = "--post-hook", paramLabel = "FUNCTION", description = "Invoked once all traffic moved; a failure rolls back.")
    String postHook;

    @Option(names = "--pre-hook-cmd", paramLabel = "CMD", description = "A local command run before traffic moves; exit 0 passes.")
    String preHookCmd;

    @Option(names = "--post-hook-cmd", paramLabel = "CMD", description = "A local command run once all traffic moved.")
    String postHookCmd;

    public boolean strategyGiven() {
        return strategy != null;
    }

    /** Any gate or hook: meaningless without a strategy to gate. */
    public Optional<String> firstGateOrHook() {
        String[][] given = {{"--max-error-rate", maxErrorRate}, {"--max-p99", maxP99}, {"--max-throttles", maxThrottles},
            {"--min-invocations", minInvocations}, {"--max-hold", maxHold}, {"--alarm", alarms.isEmpty() ? null : "x"},
            {"--pre-hook", preHook}, {"--post-hook", postHook}, {"--pre-hook-cmd", preHookCmd}, {"--post-hook-cmd", postHookCmd}};
        for (String[] g : given) {
            if (g[1] != null) {
                return Optional.of(g[0]);
            }
        }
        return Optional.empty();
    }

    /** Checks every value; throws a {@link UsageException} naming the first bad flag. */
    public StartRequest request(String function, String alias, String toVersion) {
        if (strategy == null) {
            throw new UsageException("--strategy is required, e.g. --strategy canary:10%:5m (" + Strategy.FORMS + ").");
        }
        return new StartRequest(function, alias, toVersion, strategy(), gates(), hook("--pre-hook", preHook, preHookCmd),
                hook("--post-hook", postHook, postHookCmd));
    }

    Strategy strategy() {
        try {
            return Strategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy: " + e.getMessage());
        }
    }

    Gates gates() {
        return new Gates(Optional.ofNullable(maxErrorRate).map(RolloutOptions::percent),
                Optional.ofNullable(maxP99).map(v -> duration("--max-p99", v)),
                Optional.ofNullable(maxThrottles).map(v -> count("--max-throttles", v)),
                minInvocations == null ? 0 : count("--min-invocations", minInvocations),
                maxHold == null ? Gates.DEFAULT_MAX_HOLD : duration("--max-hold", maxHold), alarms);
    }

    private static Optional<Hook> hook(String flag, String function, String command) {
        if (function != null && command != null) {
            throw new UsageException("Give " + flag + " FUNCTION or " + flag + "-cmd 'CMD', not both.");
        }
        if (function != null) {
            return Optional.of(new Hook(Hook.Kind.FUNCTION, nonBlank(flag, function)));
        }
        return Optional.ofNullable(command).map(c -> new Hook(Hook.Kind.COMMAND, nonBlank(flag + "-cmd", c)));
    }

    private static String nonBlank(String flag, String value) {
        if (value.isBlank()) {
            throw new UsageException(flag + " needs a value; it is empty.");
        }
        return value;
    }

    private static double percent(String text) {
        String t = text.strip();
        String number = t.endsWith("%") ? t.substring(0, t.length() - 1) : t;
        try {
            double v = Double.parseDouble(number);
            if (v >= 0 && v <= 100 && !number.isBlank()) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--max-error-rate '" + text + "' is not a percentage between 0 and 100, such as 1% or 0.5%.");
    }

    private static int count(String flag, String text) {
        if (!text.strip().matches("\\d{1,9}")) {
            throw new UsageException(flag + " '" + text + "' is not a whole number of 0 or more.");
        }
        return Integer.parseInt(text.strip());
    }

    /** A positive duration: {@code 800ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    static Duration duration(String flag, String text) {
        Duration d = DurationText.parse(flag, text.strip());
        if (d.isZero()) {
            throw new UsageException(flag + " '" + text + "' must be longer than 0.");
        }
        return d;
    }
}
