package io.lambdoku.core.formation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A formation table for tests of the reactor alone: rows in memory with the port's rules (generation + 1 per
 * desire written, report conditional on generation and desire), and feeds that see every later write.
 */
public final class InMemoryFormationStore implements FormationStore {

    private final Map<String, FormationRow> rows = new TreeMap<>();
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private final String manager;

    public InMemoryFormationStore(String manager) {
        this.manager = manager;
    }

    @Override
    public String describe() {
        return "the test table";
    }

    @Override
    public String managerTag() {
        return manager;
    }

    @Override
    public synchronized List<FormationRow> list() {
        return new ArrayList<>(rows.values());
    }

    @Override
    public synchronized Optional<FormationRow> get(String name) {
        return Optional.ofNullable(rows.get(name));
    }

    @Override
    public synchronized FormationRow put(String name, DesiredChange change) {
        Optional<FormationRow> was = get(name);
        FormationRow row = new FormationRow(name, change.applyTo(was.map(FormationRow::desired)),
                was.map(FormationRow::generation).orElse(0L) + 1, was.flatMap(FormationRow::observed));
        rows.put(name, row);
        changed(name);
        return row;
    }

    @Override
    public synchronized boolean delete(String name) {
        boolean had = rows.remove(name) != null;
        changed(name);
        return had;
    }

    @Override
    public synchronized boolean report(FormationRow read, Observed observed) {
        FormationRow now = rows.get(read.name());
        if (now == null || now.generation() != read.generation() || !now.desired().equals(read.desired())) {
            return false;
        }
        rows.put(read.name(), new FormationRow(read.name(), now.desired(), now.generation(), Optional.of(observed)));
        changed(read.name());
        return true;
    }

    @Override
    public FormationChanges changes() {
        Feed f = new Feed();
        feeds.add(f);
        return f;
    }

    private void changed(String name) {
        feeds.forEach(f -> f.add(name));
    }

    private final class Feed implements FormationChanges {
        private final Set<String> pending = new LinkedHashSet<>();

        synchronized void add(String name) {
            pending.add(name);
            notifyAll();
        }

        @Override
        public synchronized Set<String> poll(Duration timeout) throws InterruptedException {
            if (pending.isEmpty()) {
                wait(Math.max(1, timeout.toMillis()));
            }
            Set<String> out = Set.copyOf(pending);
            pending.clear();
            return out;
        }

        @Override
        public void close() {
            feeds.remove(this);
        }
    }
}
