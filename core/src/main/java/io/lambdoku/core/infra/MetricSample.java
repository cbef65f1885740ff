package io.lambdoku.core.infra;

import java.time.Instant;

/** One value a function reported for a metric at a moment (an invocation's error 0/1, its duration in ms). */
public record MetricSample(Instant at, double value) {
}
