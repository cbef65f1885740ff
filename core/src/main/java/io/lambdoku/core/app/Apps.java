package io.lambdoku.core.app;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.ConfigDiff;
import io.lambdoku.core.release.Release;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import io.lambdoku.core.release.UpdateWaiter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Functions as Heroku apps: create (release v1 "Create"), list, inspect, update settings, destroy. */
public final class Apps {

    private final LambdaApi api;
    private final AtomicRelease releases;
    private final UpdateWaiter waiter;

    public Apps(LambdaApi api, Events events) {
        this.api = api;
        this.releases = new AtomicRelease(api, events);
        this.waiter = new UpdateWaiter(api, events);
    }

    public Release create(String name, FunctionSettings settings, CodeZip code) {
        LambdaLimits.checkFunctionName(name);
        LambdaLimits.checkSettings(settings);
        FunctionConfig created = api.createFunction(new NewFunction(name, settings, "", code, Map.of()));
        // Lambda gives $LATEST a new RevisionId when it becomes Active: publish with that one
        FunctionConfig active = waiter.settled(created);
        return Release.of(api.publishVersion(name, "Create", Optional.of(active.codeSha256()),
                Optional.of(active.revisionId())));
    }

    public List<FunctionConfig> list() {
        return api.listFunctions();
    }

    public FunctionConfig info(String name) {
        return info(name, FunctionConfig.LATEST);
    }

    /** $LATEST, a release ({@code "7"}) or the release an alias points at (with the alias ARN). */
    public FunctionConfig info(String name, String qualifier) {
        return api.getFunction(name, qualifier);
    }

    /** Applies the given settings in one release worded like "Update memory 128 -> 256". */
    public ReleaseOutcome update(String name, SettingsChange change) {
        if (change.isEmpty()) {
            throw new InvalidParameterException("Nothing to update: give --memory, --timeout, --handler or --runtime.");
        }
        return releases.apply(name, latest -> {
            FunctionSettings wanted = change.applyTo(latest.settings());
            LambdaLimits.checkSettings(wanted);
            List<String> changes = ConfigDiff.settingChanges(latest.settings(), wanted);
            return changes.isEmpty() ? Optional.empty()
                    : Optional.of(Update.settings(wanted, "Update " + String.join(", ", changes)));
        }, "No change: " + name + " already has those settings.");
    }

    /** Deletes the function and all its versions; the user must type its name to confirm. */
    public void destroy(String name, Optional<String> confirmation) {
        if (confirmation.isEmpty() || !confirmation.get().equals(name)) {
            throw new InvalidParameterException("Destroying " + name + " deletes it and all its releases; "
                    + "to proceed, run again with --confirm " + name + ".");
        }
        api.deleteFunction(name);
    }
}
