package io.lambdoku.core.invoke;

/** Lambda's AWS/Lambda metrics for one minute and one version (or "all" where a backend cannot tell). */
public record MinuteMetrics(long minute, String version, int invocations, int errors, int throttles,
                            double avgMs, double p50Ms, double p99Ms) {
}
