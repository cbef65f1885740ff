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

    /**
     * The same observation but for when it was made: writing it again changes nothing a reader acts on, so the
     * stores skip it and the change feeds stay quiet (a DynamoDB update that changes no value makes no stream record).
     */
    public boolean sameStateAs(Observed other) {
        return status == other.status && reason.equals(other.reason) && url.equals(other.url)
                && observedVersion.equals(other.observedVersion) && observedGeneration == other.observedGeneration;
    }
}
