package io.lambdoku.core.alias;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.PreconditionFailedException;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.WeightedVersion;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.Backoff;
import java.util.Optional;
import java.util.function.Function;

/**
 * Moves aliases the way every other write is made (design.md §3): read the alias with its RevisionId,
 * update with it, and when another writer got there first (PreconditionFailed, or a create that met an
 * alias created meanwhile) read again and re-apply the change, with jittered, bounded backoff. Ten
 * processes moving one alias at once all succeed; the last one to land wins, as it would one by one.
 */
public final class Aliases {

    private final LambdaApi api;
    private final Events events;
    private final Backoff backoff;

    public Aliases(LambdaApi api, Events events, Backoff backoff) {
        this.api = api;
        this.events = events;
        this.backoff = backoff;
    }

    public Aliases(LambdaApi api, Events events) {
        this(api, events, Backoff.DEFAULT);
    }

    /**
     * Points {@code name} at {@code version} (and {@code weighted}, a canary), creating the alias if
     * missing; without {@code description} an existing alias keeps its own.
     */
    public Alias set(String function, String name, String version, Optional<WeightedVersion> weighted,
                     Optional<String> description) {
        LambdaLimits.checkAlias(new AliasSpec(name, version, weighted, description.orElse("")));
        return apply(function, name, existing -> new AliasSpec(name, version, weighted,
                description.orElseGet(() -> existing.map(Alias::description).orElse(""))));
    }

    /** Points {@code to} at the release {@code from} points at when the write is made, with no new release. */
    public Alias promote(String function, String from, String to) {
        LambdaLimits.checkAliasName(to);
        return apply(function, to, existing -> new AliasSpec(to, api.getAlias(function, from).functionVersion(),
                Optional.empty(), existing.map(Alias::description).orElse("")));
    }

    /** Points {@code name} at {@code version} alone (a deploy's --alias); no write when it already does. */
    public Alias point(String function, String name, String version) {
        return set(function, name, version, Optional.empty(), Optional.empty());
    }

    /** {@code change}: the alias wanted, given the alias as it is now (empty: not there yet). */
    private Alias apply(String function, String name, Function<Optional<Alias>, AliasSpec> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Alias> existing = find(function, name);
            AliasSpec wanted = change.apply(existing);
            if (existing.isPresent() && same(existing.get(), wanted)) {
                return existing.get();
            }
            try {
                return existing.isEmpty() ? api.createAlias(function, wanted)
                        : api.updateAlias(function, wanted, Optional.of(existing.get().revisionId()));
            } catch (PreconditionFailedException | ResourceConflictException | ResourceNotFoundException raced) {
                if (raced instanceof ResourceNotFoundException missing && !deletedMeanwhile(function, name, wanted, missing)) {
                    throw missing; // the function or a version is missing: no retry brings it back
                }
                if (backoff.exhausted(attempt)) {
                    throw new AtomicRelease.GaveUpException(function + " alias " + name, attempt, raced);
                }
                events.retrying(function, attempt, raced.getMessage());
                backoff.pause(attempt);
            }
        }
    }

    /**
     * An update answered "not found" because another process deleted the alias (then it is created
     * anew), or because a version it names is missing: some backends (AWS) word both as a missing
     * alias, so the versions are looked up, and a missing one is named.
     */
    private boolean deletedMeanwhile(String function, String name, AliasSpec wanted, ResourceNotFoundException missing) {
        if (!isAlias(missing) || find(function, name).isEmpty()) {
            return isAlias(missing);
        }
        api.getFunction(function, wanted.functionVersion());
        wanted.additionalVersion().ifPresent(w -> api.getFunction(function, w.version()));
        throw missing;
    }

    private Optional<Alias> find(String function, String name) {
        try {
            return Optional.of(api.getAlias(function, name));
        } catch (ResourceNotFoundException e) {
            if (!isAlias(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static boolean isAlias(ResourceNotFoundException e) {
        return e.missing().map(ResourceNotFoundException.Missing::alias).orElse(false);
    }

    private static boolean same(Alias alias, AliasSpec spec) {
        return alias.functionVersion().equals(spec.functionVersion())
                && alias.additionalVersion().equals(spec.additionalVersion())
                && alias.description().equals(spec.description());
    }
}
