package io.lambdoku.core.release;

import java.util.Optional;

/**
 * How a change ended: released as a new version, or not released because it changed nothing.
 * {@code release} is present when released.
 */
public record ReleaseOutcome(String function, Optional<Release> release, String message) {

    public static ReleaseOutcome released(Release release) {
        return new ReleaseOutcome(release.function(), Optional.of(release), release.description());
    }

    public static ReleaseOutcome unchanged(String function, String why) {
        return new ReleaseOutcome(function, Optional.empty(), why);
    }

    public boolean changed() {
        return release.isPresent();
    }
}
