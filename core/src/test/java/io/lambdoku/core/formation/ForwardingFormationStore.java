package io.lambdoku.core.formation;

import java.util.List;
import java.util.Optional;

/** A formation table that passes every call on; a test overrides the one call it makes misbehave. */
public class ForwardingFormationStore implements FormationStore {

    protected final FormationStore inner;

    public ForwardingFormationStore(FormationStore inner) {
        this.inner = inner;
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public String managerTag() {
        return inner.managerTag();
    }

    @Override
    public List<FormationRow> list() {
        return inner.list();
    }

    @Override
    public Optional<FormationRow> get(String name) {
        return inner.get(name);
    }

    @Override
    public FormationRow put(String name, DesiredChange change) {
        return inner.put(name, change);
    }

    @Override
    public boolean delete(String name) {
        return inner.delete(name);
    }

    @Override
    public boolean report(FormationRow read, Observed observed) {
        return inner.report(read, observed);
    }

    @Override
    public FormationChanges changes() {
        return inner.changes();
    }
}
