package io.lambdoku.core.lock;

/**
 * A lease as read from a {@link LockStore}, with the version that a compare-and-swap must name to change
 * it: an S3 ETag, or the local store's lease id and generation. Opaque to everyone but its store.
 */
public record StoredLease(Lease lease, String version) {
}
