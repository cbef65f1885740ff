package io.lambdoku.core.formation;

import java.time.Duration;
import java.util.Set;

/**
 * The rows changed since the feed was opened or last polled: locally the store's change sequence, on AWS
 * the table's DynamoDB stream (every shard). A feed may miss nothing it promised but may report a name
 * twice; the reactor's periodic resync covers whatever happened while no feed was open.
 */
public interface FormationChanges extends AutoCloseable {

    /** Names of rows written or deleted since the last poll, waiting up to {@code timeout} for one; empty when none. */
    Set<String> poll(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
