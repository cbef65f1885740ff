package io.lambdoku.core.lambda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port every backend implements: Lambda's own concepts ($LATEST, versions, aliases, tags, code,
 * RevisionId), never lambdoku's releases or pipelines. Failures are the {@link LambdaException}
 * subclasses, with messages written for the user.
 */
public interface LambdaApi {

    FunctionConfig createFunction(NewFunction function);

    /** $LATEST or a published version ({@code "7"}); throws {@link ResourceNotFoundException}. */
    FunctionConfig getFunction(String name, String qualifier);

    List<FunctionConfig> listFunctions();

    /** Replaces the settings of $LATEST (the environment as a whole, as Lambda does). */
    default FunctionConfig updateFunctionConfiguration(String name, FunctionSettings settings, Optional<String> revisionId) {
        return updateFunctionConfiguration(name, settings, Optional.empty(), revisionId);
    }

    /**
     * Also sets $LATEST's Description when given (kept as it is otherwise), in the same write: where a
     * change records its release message until it is published.
     */
    FunctionConfig updateFunctionConfiguration(String name, FunctionSettings settings, Optional<String> description,
                                               Optional<String> revisionId);

    FunctionConfig updateFunctionCode(String name, CodeSource code, Optional<String> revisionId);

    /**
     * Snapshots $LATEST into a new numbered version, or returns the newest version when nothing
     * changed since it. {@code codeSha256} publishes only if $LATEST still has that code.
     */
    FunctionConfig publishVersion(String name, String description, Optional<String> codeSha256, Optional<String> revisionId);

    /** Every published version, oldest first (adapters follow all pages). */
    List<FunctionConfig> listVersions(String name);

    /**
     * The newest {@code limit} published versions, newest first. Lambda lists versions oldest first only, so this reads
     * them all; a backend that can read from the newest end (the local store) does, which is what keeps a page of the
     * newest releases of 200 apps of 1,000 releases each from reading 200,000 rows.
     */
    default List<FunctionConfig> newestVersions(String name, int limit) {
        // ListVersionsByFunction answers $LATEST too, first
        List<FunctionConfig> all = new java.util.ArrayList<>(listVersions(name).stream().filter(v -> !v.isLatest()).toList());
        java.util.Collections.reverse(all);
        return all.subList(0, Math.min(limit, all.size()));
    }

    /**
     * The newest {@code limit} published versions ({@code 0}: all), newest first, without their settings. A backend
     * that keeps settings apart from the rest does not read them: the local store keeps them as JSON per version,
     * and parsing it was half of listing 1,000 releases.
     */
    default List<VersionSummary> versionSummaries(String name, int limit) {
        return newestVersions(name, limit > 0 ? limit : Integer.MAX_VALUE).stream().map(VersionSummary::of).toList();
    }

    void deleteFunction(String name);

    void deleteVersion(String name, int version);

    Map<String, String> listTags(String name);

    void tagFunction(String name, Map<String, String> tags);

    void untagFunction(String name, Set<String> keys);

    Alias createAlias(String function, AliasSpec alias);

    Alias updateAlias(String function, AliasSpec alias, Optional<String> revisionId);

    Alias getAlias(String function, String alias);

    List<Alias> listAliases(String function);

    void deleteAlias(String function, String alias);

    /**
     * True when the backend can still supply this release's code (rollback/promote need it): from its
     * artifact store, or failing that from wherever the backend keeps a version's code.
     */
    boolean hasCode(StoredCode code);

    /** The function's reserved concurrency (PutFunctionConcurrency), empty when it has none. */
    Optional<Integer> reservedConcurrency(String name);

    /** Sets the reserved concurrency, or removes it when empty (DeleteFunctionConcurrency). */
    void putReservedConcurrency(String name, Optional<Integer> reserved);

    // --- function URLs: on $LATEST (qualifier empty) or an alias, never a version ---

    /** CreateFunctionUrlConfig; a URL already there is a {@link ResourceConflictException}. */
    FunctionUrl createFunctionUrl(String function, Optional<String> qualifier, FunctionUrlSpec spec);

    /** GetFunctionUrlConfig; throws {@link ResourceNotFoundException} when there is none. */
    FunctionUrl getFunctionUrl(String function, Optional<String> qualifier);

    FunctionUrl updateFunctionUrl(String function, Optional<String> qualifier, FunctionUrlSpec spec);

    void deleteFunctionUrl(String function, Optional<String> qualifier);

    /** Every URL of the function ($LATEST's and its aliases'), all pages. */
    List<FunctionUrl> listFunctionUrls(String function);

    // --- provisioned concurrency: on an alias or a version, never $LATEST ---

    ProvisionedConcurrency putProvisionedConcurrency(String function, String qualifier, int requested);

    /** Empty when the alias or version has none. */
    Optional<ProvisionedConcurrency> provisionedConcurrency(String function, String qualifier);

    void deleteProvisionedConcurrency(String function, String qualifier);

    /** Every config of the function, all pages. */
    List<ProvisionedConcurrency> listProvisionedConcurrency(String function);
}
