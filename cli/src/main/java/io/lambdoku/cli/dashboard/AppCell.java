package io.lambdoku.cli.dashboard;

import io.lambdoku.core.invoke.FunctionTelemetry;
import io.lambdoku.core.invoke.MinuteMetrics;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.release.Release;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the overview shows of one app: its newest release, its aliases, and its health over the last minutes. */
record AppCell(String name, Optional<Release> release, List<Alias> aliases, long invocations, long errors,
        Optional<String> healthProblem) {

    /** The window the health numbers cover. */
    static final Duration HEALTH = Duration.ofMinutes(15);

    AppCell {
        aliases = List.copyOf(aliases);
    }

    static AppCell read(LambdaApi api, FunctionTelemetry telemetry, ReleaseCache releases, FunctionConfig latest, Instant now) {
        String name = latest.name();
        Optional<Release> newest = releases.newest(latest, 1).stream().findFirst();
        List<Alias> aliases = api.listAliases(name);
        List<MinuteMetrics> minutes;
        try {
            minutes = telemetry.metrics(name, now.minus(HEALTH).toEpochMilli(), Optional.empty());
        } catch (RuntimeException e) {
            // metrics are another service (CloudWatch): without them the release is still worth showing
            return new AppCell(name, newest, aliases, 0, 0, Optional.of("Health not read: " + e.getMessage()));
        }
        long invocations = minutes.stream().mapToLong(MinuteMetrics::invocations).sum();
        long errors = minutes.stream().mapToLong(MinuteMetrics::errors).sum();
        return new AppCell(name, newest, aliases, invocations, errors, Optional.empty());
    }

    Optional<String> codeSha() {
        return release.map(Release::codeSha256);
    }

    /** Whether this app's newest release runs other code than {@code upstream}'s (both known). */
    boolean differsFrom(AppCell upstream) {
        return codeSha().isPresent() && upstream.codeSha().isPresent() && !codeSha().equals(upstream.codeSha());
    }

    /** "8.3% errors", or "" with no invocations. */
    String errorRate() {
        return invocations == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f%% errors", 100.0 * errors / invocations);
    }
}
