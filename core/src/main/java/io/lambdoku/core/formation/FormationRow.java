package io.lambdoku.core.formation;

import java.util.Objects;
import java.util.Optional;

/**
 * One app of the formation table: its name (the function's), what is desired, the desire's generation
 * (+1 on every lambdoku write of it; 0 for a row another client wrote without one), and what the reactor
 * observed, absent until it first wrote back.
 */
public record FormationRow(String name, Desired desired, long generation, Optional<Observed> observed) {

    public FormationRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(desired, "desired");
        observed = observed == null ? Optional.empty() : observed;
    }

    /** What the reactor said, or Pending while it has not seen this generation of the desire yet. */
    public FormationStatus status() {
        return observed.filter(o -> o.observedGeneration() >= generation).map(Observed::status).orElse(FormationStatus.PENDING);
    }
}
