package io.lambdoku.core.rollout;

/**
 * A rollout as read from a {@link RolloutStore}, with the version a compare-and-swap must name to change
 * it: an S3 ETag, or the local store's generation. Opaque to everyone but its store.
 */
public record StoredRollout(Rollout rollout, String version) {
}
