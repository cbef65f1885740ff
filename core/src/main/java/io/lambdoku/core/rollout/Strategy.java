package io.lambdoku.core.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How traffic moves to the new version: the weights (percent on the new version) it holds in turn, each
 * for {@code interval}, before it takes all of it. {@code canary:20%:10s} is [20]; {@code linear:25:1m} is
 * [25, 50, 75]; {@code all-at-once} is [] (straight to 100%).
 */
public record Strategy(String text, List<Double> steps, Duration interval) {

    private static final Pattern CODE_DEPLOY = Pattern.compile(
            "(?:CodeDeployDefault\\.)?(?:Lambda)?(Canary|Linear)(\\d+)Percent(?:Every)?(\\d+)(Minutes?|Hours?)");

    public Strategy {
        Objects.requireNonNull(text, "text");
        steps = List.copyOf(steps);
        Objects.requireNonNull(interval, "interval");
    }

    public static final String FORMS = "canary:PCT:INTERVAL, linear:PCT:INTERVAL, steps:5,25,50:INTERVAL, all-at-once"
            + " or a CodeDeploy/SAM name such as LambdaCanary10Percent5Minutes or Linear10PercentEvery1Minute";

    /** Parses the forms of {@link #FORMS}; intervals in s, m or h. */
    public static Strategy parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("all-at-once") || t.matches("(?:CodeDeployDefault\\.)?(?:Lambda)?AllAtOnce")) {
            return new Strategy(t, List.of(), Duration.ZERO);
        }
        Matcher cd = CODE_DEPLOY.matcher(t);
        if (cd.matches()) {
            Duration every = cd.group(4).startsWith("Hour") ? Duration.ofHours(Long.parseLong(cd.group(3)))
                    : Duration.ofMinutes(Long.parseLong(cd.group(3)));
            double pct = percent(cd.group(2), t);
            return cd.group(1).equals("Canary") ? new Strategy(t, List.of(pct), every) : new Strategy(t, linear(pct), every);
        }
        String[] parts = t.split(":");
        if (parts.length != 3) {
            throw invalid(t, "expected " + FORMS);
        }
        Duration interval = interval(parts[2], t);
        switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "canary":
                return new Strategy(t, List.of(percent(parts[1], t)), interval);
            case "linear":
                return new Strategy(t, linear(percent(parts[1], t)), interval);
            case "steps":
                List<Double> steps = new ArrayList<>();
                for (String s : parts[1].split(",")) {
                    double p = percent(s, t);
                    if (!steps.isEmpty() && p <= steps.get(steps.size() - 1)) {
                        throw invalid(t, "steps must increase");
                    }
                    steps.add(p);
                }
                return new Strategy(t, steps, interval);
            default:
                throw invalid(t, "expected " + FORMS);
        }
    }

    /** How many shifts it makes, the final 100% included. */
    public int shifts() {
        return steps.size() + 1;
    }

    /** The weight on the new version at step {@code k} (0-based); the last step is 100. */
    public double weightAt(int k) {
        return k < steps.size() ? steps.get(k) : 100.0;
    }

    private static List<Double> linear(double pct) {
        List<Double> steps = new ArrayList<>();
        for (double w = pct; w < 100.0 - 1e-9; w += pct) {
            steps.add(Math.round(w * 100) / 100.0);
        }
        return steps;
    }

    private static double percent(String s, String whole) {
        String p = s.trim().endsWith("%") ? s.trim().substring(0, s.trim().length() - 1) : s.trim();
        try {
            double v = Double.parseDouble(p);
            if (v > 0 && v < 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw invalid(whole, "'" + s + "' is not a percentage between 0 and 100 (exclusive)");
    }

    static Duration interval(String s, String whole) {
        Matcher m = Pattern.compile("(\\d+)([smh])").matcher(s.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw invalid(whole, "'" + s + "' is not an interval such as 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("Invalid rollout strategy '" + text + "': " + why + ".");
    }
}
