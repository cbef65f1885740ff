package io.lambdoku.local.infra;

import io.lambdoku.core.infra.ScheduleSpec;
import java.time.Instant;
import java.util.Optional;

/** A schedule as the store keeps it: whose it is, since when, and the due time it last fired for. */
public record ScheduleRow(String function, ScheduleSpec spec, Instant created, Optional<Instant> lastFired) {
}
