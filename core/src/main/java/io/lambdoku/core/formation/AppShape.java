package io.lambdoku.core.formation;

import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.BackendException;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an app around its release, each written only when it differs from what is there: the manager
 * tag, alias {@code live}, the function URL on {@code live}, and its concurrency (Scale N: provisioned N on
 * live with reserved cleared; Scale 0: reserved 0, provisioned removed). Every change is told to the events.
 */
final class AppShape {

    private final LambdaApi api;
    private final Aliases aliases;
    private final ReactorEvents events;

    AppShape(LambdaApi api, Events steps, ReactorEvents events) {
        this.api = api;
        this.aliases = new Aliases(api, steps);
        this.events = events;
    }

    /**
     * Whether {@code name} is missing, so this reconcile creates it (and then {@link #tag}s it). An existing function
     * is reconciled only when it already carries this table's tag: a row never adopts a function it did not make,
     * as deleting the row would then destroy it.
     */
    boolean missingOrOurs(String name, String manager, String table) {
        String was;
        try {
            was = api.listTags(name).get(FormationStore.MANAGER_TAG);
        } catch (ResourceNotFoundException e) {
            return true;
        }
        if (manager.equals(was)) {
            return false;
        }
        if (was != null && !was.isEmpty()) {
            throw new FormationException(name + " is managed by another formation table (" + FormationStore.MANAGER_TAG + "=" + was
                    + "); untag it there first.");
        }
        throw new FormationException(name + " exists and is not managed by " + table + "; tag it "
                + FormationStore.MANAGER_TAG + "=" + manager + " to hand it over.");
    }

    /** Tags a function this reconcile created as this table's. */
    void tag(String name, String manager) {
        api.tagFunction(name, Map.of(FormationStore.MANAGER_TAG, manager));
        events.action(name, "tag", FormationStore.MANAGER_TAG + "=" + manager);
    }

    /** Takes this table's tag off (before a destroy: a reconcile meanwhile then refuses the function, never adopts it). */
    void untag(String name) {
        api.untagFunction(name, Set.of(FormationStore.MANAGER_TAG));
    }

    void pointLive(String name, String release) {
        Optional<String> was = current(name);
        if (was.isPresent() && was.get().equals(release)) {
            return;
        }
        aliases.point(name, Reconciler.LIVE, release);
        events.action(name, "alias", Reconciler.LIVE + " -> v" + release + was.map(w -> " (was v" + w + ")").orElse(""));
    }

    private Optional<String> current(String name) {
        try {
            Alias a = api.getAlias(name, Reconciler.LIVE);
            return a.additionalVersion().isPresent() ? Optional.of("") : Optional.of(a.functionVersion());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    FunctionUrl url(String name, UrlAuth auth) {
        Optional<String> live = Optional.of(Reconciler.LIVE);
        FunctionUrlSpec spec = new FunctionUrlSpec(auth, Optional.empty());
        try {
            FunctionUrl u = api.getFunctionUrl(name, live);
            if (u.auth() == auth) {
                return u;
            }
            FunctionUrl changed = api.updateFunctionUrl(name, live, new FunctionUrlSpec(auth, u.cors()));
            events.action(name, "url", changed.url() + " (auth " + auth + ", was " + u.auth() + ")");
            return changed;
        } catch (ResourceNotFoundException e) {
            FunctionUrl made = api.createFunctionUrl(name, live, spec);
            events.action(name, "url", made.url() + " (auth " + auth + ")");
            return made;
        }
    }

    /** Scale 0: reserved 0 (every invoke throttled), no provisioned environments. */
    void stop(String name) {
        // provisioned first: Lambda refuses a reservation below what is provisioned
        if (provisioned(name).isPresent()) {
            api.deleteProvisionedConcurrency(name, Reconciler.LIVE);
            events.action(name, "scale", "provisioned concurrency on " + Reconciler.LIVE + " removed");
        }
        if (!api.reservedConcurrency(name).equals(Optional.of(0))) {
            api.putReservedConcurrency(name, Optional.of(0));
            events.action(name, "scale", "reserved concurrency 0 (stopped: every invoke is throttled)");
        }
    }

    /** Scale N ≥ 1: reserved cleared (first: it may be below N), provisioned N on live; the config as it stands after. */
    ProvisionedConcurrency scale(String name, int n) {
        if (api.reservedConcurrency(name).isPresent()) {
            api.putReservedConcurrency(name, Optional.empty());
            events.action(name, "scale", "reserved concurrency cleared");
        }
        ProvisionedConcurrency put;
        Optional<ProvisionedConcurrency> now;
        try {
            now = api.provisionedConcurrency(name, Reconciler.LIVE);
            if (now.isPresent() && now.get().requested() == n && now.get().status() != ProvisionedConcurrency.Status.FAILED) {
                return now.get();
            }
            put = api.putProvisionedConcurrency(name, Reconciler.LIVE, n);
        } catch (BackendException e) {
            throw new FormationException("Scale " + n + " needs provisioned concurrency on " + Reconciler.LIVE
                    + ", which this backend does not offer: " + Reconciler.sentence(e));
        }
        events.action(name, "scale", "provisioned concurrency " + n + " on " + Reconciler.LIVE
                + now.map(p -> " (was " + p.requested() + ")").orElse(""));
        return put;
    }

    /**
     * The provisioned concurrency on live; none where the backend has no such API (moto routes none of its calls), as
     * there can be none there to remove.
     */
    private Optional<ProvisionedConcurrency> provisioned(String name) {
        try {
            return api.provisionedConcurrency(name, Reconciler.LIVE);
        } catch (BackendException e) {
            return Optional.empty();
        }
    }

    /** Functions whose tag names {@code manager}: the apps a deleted row leaves behind are among them. */
    boolean managedBy(String name, String manager) {
        try {
            return manager.equals(api.listTags(name).get(FormationStore.MANAGER_TAG));
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
