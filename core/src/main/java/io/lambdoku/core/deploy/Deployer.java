package io.lambdoku.core.deploy;

import io.lambdoku.core.alias.Aliases;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.Alias;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.CodePackage;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.PendingRelease;
import io.lambdoku.core.release.Recovered;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseLog;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import io.lambdoku.core.release.UpdateWaiter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ships a packaged folder as ONE release: creates the function if missing, changes settings only
 * if they differ and code only if its CodeSha256 differs, publishes "Deploy <sha8>", then points the
 * alias at it. Nothing changed means no release. Every write goes through the atomic protocol.
 */
public final class Deployer {

    /**
     * What a deploy did, as --json prints it for the next CI step. {@code release}: the one this deploy
     * made; {@code recovered}: an interrupted change it found on $LATEST and released first.
     */
    public record Result(String function, int version, String codeSha256, Optional<String> alias, boolean changed,
                         List<String> plan, Optional<Release> release, Optional<Recovered> recovered) {
    }

    private final LambdaApi api;
    private final AtomicRelease releases;
    private final UpdateWaiter waiter;
    private final Aliases aliases;
    private final String defaultRole;

    /**
     * {@code defaultRole}: the role of a new function whose manifest names none (the local backend's);
     * null where a role is required (AWS).
     */
    public Deployer(LambdaApi api, Events events, String defaultRole) {
        this.api = api;
        this.releases = new AtomicRelease(api, events);
        this.waiter = new UpdateWaiter(api, events);
        this.aliases = new Aliases(api, events);
        this.defaultRole = defaultRole;
    }

    public DeployPlan plan(Manifest manifest, CodePackage code, Optional<String> alias) {
        alias.ifPresent(a -> LambdaLimits.checkAlias(new AliasSpec(a, "1", Optional.empty(), "")));
        Optional<FunctionConfig> current = find(manifest.name());
        if (current.isEmpty() && manifest.role().isEmpty() && defaultRole == null) {
            throw new io.lambdoku.core.lambda.InvalidParameterException("Creating " + manifest.name()
                    + " on AWS Lambda needs an execution role; set \"role\" in its lambdoku.json.");
        }
        FunctionSettings wanted = current
                .map(c -> manifest.settings(c.settings().role(), c.settings().environment()))
                .orElseGet(() -> manifest.settings(defaultRole, Map.of()));
        LambdaLimits.checkSettings(wanted);
        manifest.checkSecrets(wanted.environment());
        LambdaLimits.checkDescription(manifest.description());
        if (code instanceof CodeZip zip && current.map(c -> !c.codeSha256().equals(code.codeSha256())).orElse(true)) {
            // a folder's package was checked as it was built; a zip deployed as it is was not. An S3 package
            // is checked where it is resolved (Targets), and only when the handler changes: that reads its bytes
            HandlerCheck.check(wanted.runtime(), wanted.handler(), zip);
        }
        Optional<String> aliasVersion = Optional.empty();
        Optional<Release> newest = Optional.empty();
        Optional<String> pending = Optional.empty();
        if (current.isPresent()) {
            newest = new ReleaseLog(api).newestIfAny(manifest.name());
            pending = PendingRelease.found(newest, current.get());
            if (alias.isPresent()) {
                aliasVersion = findAlias(manifest.name(), alias.get()).map(Alias::functionVersion);
            }
        }
        return new DeployPlan(manifest, code, current, wanted, alias, aliasVersion, newest.map(Release::version), pending);
    }

    public Result deploy(DeployPlan plan, String description) {
        return deploy(plan, description, false);
    }

    /**
     * {@code exactly}: the plan is carried out on the very $LATEST it observed (apply of a plan file), its
     * RevisionId the precondition of the first write, and a lost race fails instead of being re-applied;
     * otherwise the change is re-derived from whatever $LATEST is when it is made (deploy).
     */
    public Result deploy(DeployPlan plan, String description, boolean exactly) {
        String name = plan.function();
        ReleaseOutcome outcome = plan.creates() ? create(plan, description)
                : !plan.releases() ? ReleaseOutcome.unchanged(name, "No change.")
                : exactly ? releaseObserved(plan, description) : release(plan, description);
        int version = outcome.newestRelease().map(Release::version).or(plan::newestRelease)
                .orElseGet(() -> new ReleaseLog(api).newest(name).version());
        if (plan.alias().isPresent()) {
            aliases.point(name, plan.alias().get(), String.valueOf(version));
        }
        return new Result(name, version, plan.code().codeSha256(), plan.alias(), plan.changed(), plan.describe(),
                outcome.release(), outcome.recovered());
    }

    private ReleaseOutcome create(DeployPlan plan, String description) {
        FunctionConfig created = api.createFunction(new NewFunction(plan.function(), plan.wanted(),
                plan.manifest().description(), plan.code(), Map.of()));
        // Lambda gives $LATEST a new RevisionId when it becomes Active: publish with that one
        FunctionConfig active = waiter.settled(created);
        return ReleaseOutcome.released(Release.of(api.publishVersion(plan.function(), description,
                Optional.of(active.codeSha256()), Optional.of(active.revisionId()))));
    }

    private ReleaseOutcome release(DeployPlan plan, String description) {
        return releases.apply(plan.function(), latest -> {
            // re-derived from what is there now, so a config:set that raced this deploy survives
            FunctionSettings wanted = plan.manifest().settings(latest.settings().role(), latest.settings().environment());
            plan.manifest().checkSecrets(wanted.environment());
            boolean settings = !wanted.equals(latest.settings());
            boolean code = !latest.codeSha256().equals(plan.code().codeSha256());
            if (!settings && !code) {
                return Optional.empty();
            }
            return Optional.of(new Update(settings ? Optional.of(wanted) : Optional.empty(),
                    code ? Optional.of(plan.code()) : Optional.empty(), description));
        }, "No change.");
    }

    private ReleaseOutcome releaseObserved(DeployPlan plan, String description) {
        Optional<Update> update = plan.codeChanged() || plan.configChanged()
                ? Optional.of(new Update(plan.configChanged() ? Optional.of(plan.wanted()) : Optional.empty(),
                        plan.codeChanged() ? Optional.of(plan.code()) : Optional.empty(), description))
                : Optional.empty();
        return releases.applyObserved(plan.current().orElseThrow(), update, "No change.");
    }

    private Optional<FunctionConfig> find(String name) {
        try {
            return Optional.of(api.getFunction(name, FunctionConfig.LATEST));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<Alias> findAlias(String function, String alias) {
        try {
            return Optional.of(api.getAlias(function, alias));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }
}
