package io.lambdoku.core.release;

import java.util.Optional;

/** One release, the one before it (if any) and what changed between them. */
public record ReleaseDetails(Release release, Optional<Release> previous, ConfigDiff diff) {
}
