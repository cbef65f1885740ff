package io.lambdoku.core.release;

import java.util.Optional;

/**
 * How a change ended: released as a new version, or not released because it changed nothing.
 * {@code release} is present when released. {@code recovered}: an interrupted earlier change that had
 * to be released first (see {@link PendingRelease}).
 */
public record ReleaseOutcome(String function, Optional<Release> release, String message, Optional<Recovered> recovered) {

    public ReleaseOutcome(String function, Optional<Release> release, String message) {
        this(function, release, message, Optional.empty());
    }

    public static ReleaseOutcome released(Release release) {
        return new ReleaseOutcome(release.function(), Optional.of(release), release.description());
    }

    public static ReleaseOutcome unchanged(String function, String why) {
        return new ReleaseOutcome(function, Optional.empty(), why);
    }

    public ReleaseOutcome withRecovered(Optional<Recovered> earlier) {
        return new ReleaseOutcome(function, release, message, earlier);
    }

    public boolean changed() {
        return release.isPresent();
    }

    /** The newest release this change made or found: its own, else the recovered one. */
    public Optional<Release> newestRelease() {
        return release.or(() -> recovered.map(Recovered::release));
    }
}
