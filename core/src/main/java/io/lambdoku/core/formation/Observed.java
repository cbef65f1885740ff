package io.lambdoku.core.formation;

import java.time.Instant;
import java.util.Optional;

/**
 * What the reactor last wrote back into a row: the status with its reason, the app's URL, the release
 * serving it ({@code observedVersion}, "7"), and which generation of the desire that describes.
 */
public record Observed(FormationStatus status, String reason, Optional<String> url, Optional<String> observedVersion,
                       long observedGeneration, Instant updatedAt) {

    public Observed {
        reason = reason == null ? "" : reason;
        url = url == null ? Optional.empty() : url;
        observedVersion = observedVersion == null ? Optional.empty() : observedVersion;
    }
}
