package io.lambdoku.core.formation;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The formation table as its users see it: every row, plus the functions the table still manages whose row
 * is gone (the reactor is destroying them, or will when it next runs); rows set and deleted with their
 * input checked first, so a refused change writes nothing.
 */
public final class Formation {

    /** One app: its row, or none when the row was deleted and its function is still there (Deleting). */
    public record App(String name, Optional<FormationRow> row) {

        public boolean deleting() {
            return row.isEmpty();
        }
    }

    private final FormationStore store;
    private final LambdaApi api;

    public Formation(FormationStore store, LambdaApi api) {
        this.store = store;
        this.api = api;
    }

    public FormationStore store() {
        return store;
    }

    /** Rows and orphaned managed functions, by name. */
    public List<App> list() {
        List<FormationRow> rows = store.list();
        Set<String> named = rows.stream().map(FormationRow::name).collect(Collectors.toSet());
        List<App> apps = new ArrayList<>(rows.stream().map(r -> new App(r.name(), Optional.of(r))).toList());
        for (FunctionConfig f : api.listFunctions()) {
            if (!named.contains(f.name()) && managed(f.name())) {
                apps.add(new App(f.name(), Optional.empty()));
            }
        }
        apps.sort(Comparator.comparing(App::name));
        return List.copyOf(apps);
    }

    /** Creates or changes {@code name}'s row; a Source is kept as an absolute path, as the reactor may run elsewhere. */
    public FormationRow set(String name, DesiredChange change) {
        LambdaLimits.checkFunctionName(name);
        DesiredChange absolute = new DesiredChange(change.version(), change.scale(), change.source().map(Formation::folder),
                change.isPublic());
        DesiredRules.check(name, absolute.applyTo(store.get(name).map(FormationRow::desired)));
        return store.put(name, absolute);
    }

    /** Deletes {@code name}'s row, which destroys its function once the reactor sees it; the name must be typed twice. */
    public void delete(String name, Optional<String> confirmation) {
        LambdaLimits.checkFunctionName(name);
        if (confirmation.isEmpty() || !confirmation.get().equals(name)) {
            throw new InvalidParameterException("Deleting the row of " + name + " destroys the function " + name
                    + " and all its releases once the reactor sees it; to proceed, run again with --confirm " + name + ".");
        }
        if (!store.delete(name)) {
            throw new ResourceNotFoundException("No row " + name + " in " + store.describe() + "; see 'lambdoku formation'.");
        }
    }

    /** The reactor's own test of whether this table manages the function (it destroys those without a row). */
    private boolean managed(String function) {
        return new AppShape(api, Events.NONE, ReactorEvents.NONE).managedBy(function, store.managerTag());
    }

    private static String folder(String source) {
        Path dir = Path.of(source).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InvalidParameterException("Source " + source + " is not a folder; give the app's folder (a git"
                    + " repository's, for git: versions).");
        }
        return dir.toString();
    }
}
