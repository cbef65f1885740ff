package io.lambdoku.core.formation;

import java.util.Optional;

/** formation:set's fields; an empty one keeps the row's value (a new row: no version, scale 1, no source, not public). */
public record DesiredChange(Optional<String> version, Optional<Integer> scale, Optional<String> source,
                            Optional<Boolean> isPublic) {

    public Desired applyTo(Optional<Desired> current) {
        Desired was = current.orElse(new Desired(Optional.empty(), 1, Optional.empty(), false));
        return new Desired(version.or(was::version), scale.orElse(was.scale()), source.or(was::source),
                isPublic.orElse(was.isPublic()));
    }
}
