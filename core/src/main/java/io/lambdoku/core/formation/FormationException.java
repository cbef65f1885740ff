package io.lambdoku.core.formation;

/** A row the reactor cannot make true as it stands (a ref that names nothing, a release that is not there): its reason. */
public final class FormationException extends RuntimeException {

    public FormationException(String message) {
        super(message);
    }
}
