package io.lambdoku.core.formation;

import java.util.List;
import java.util.Optional;

/**
 * The desired-state table of apps: locally a table in the store, on AWS a DynamoDB table any client may
 * write. Writes of the desire bump the row's generation; the reactor's write-back is conditional on the
 * generation and desire it read, so an old status never overwrites a newer desire.
 */
public interface FormationStore {

    /** The tag on functions a formation table manages; its value is {@link #managerTag()}. */
    String MANAGER_TAG = "lambdoku:formation";

    /** "the local store" or "DynamoDB table lambdoku-formation", for messages. */
    String describe();

    /** The value of the tag {@code lambdoku:formation} on functions this table manages. */
    String managerTag();

    List<FormationRow> list();

    Optional<FormationRow> get(String name);

    /** Creates or changes the row's desire (generation + 1); what was observed is kept. */
    FormationRow put(String name, DesiredChange change);

    /** Deletes the row; false when there was none. */
    boolean delete(String name);

    /**
     * Writes what the reactor observed, only if the row still has {@code read}'s generation and desire;
     * false when it changed or is gone meanwhile (the reactor then reconciles it again). An observation the same
     * as the row's but for its time ({@link Observed#sameStateAs}) is not written again, so it makes no change event.
     */
    boolean report(FormationRow read, Observed observed);

    /** A feed of changes from now on. */
    FormationChanges changes();
}
