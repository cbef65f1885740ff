package io.lambdoku.core.lock;

import java.util.Optional;

/**
 * Where functions' locks live: one record per function, every change a compare-and-swap, so two writers
 * never both believe they hold it. Local: a SQLite row with a generation; AWS: an S3 object written with
 * If-None-Match / If-Match, as Terraform's S3 backend locks its state.
 */
public interface LockStore {

    /** The function's lease, if any (stale or not). */
    Optional<StoredLease> read(String function);

    /** Takes the lock if nobody holds it; empty when someone does (the caller reads again to see who). */
    Optional<StoredLease> create(Lease lease);

    /**
     * Replaces the lease read as {@code expected} (a heartbeat, or a takeover of a stale lease); empty when
     * it changed or vanished since, i.e. someone else renewed, took or released it.
     */
    Optional<StoredLease> replace(StoredLease expected, Lease lease);

    /** Removes the lease read as {@code expected} (release, break); false when it changed or vanished since. */
    boolean delete(StoredLease expected);
}
