package io.lambdoku.core.config;

import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.LambdaLimits;
import io.lambdoku.core.release.AtomicRelease;
import io.lambdoku.core.release.Change;
import io.lambdoku.core.release.Descriptions;
import io.lambdoku.core.release.ReleaseOutcome;
import io.lambdoku.core.release.Update;
import io.lambdoku.core.secret.SealedSet;
import io.lambdoku.core.secret.Sealing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Heroku's config vars, kept in the function's environment; each change is one release. */
public final class ConfigVars {

    private final LambdaApi api;
    private final AtomicRelease releases;

    public ConfigVars(LambdaApi api, Events events) {
        this.api = api;
        this.releases = new AtomicRelease(api, events);
    }

    public Map<String, String> list(String function) {
        return list(function, FunctionConfig.LATEST);
    }

    /** The config vars of $LATEST, a release ({@code "7"}) or what an alias points at. */
    public Map<String, String> list(String function, String qualifier) {
        return api.getFunction(function, qualifier).settings().environment();
    }

    /** The values of {@code keys} that are set, in the order asked. */
    public Map<String, String> get(String function, List<String> keys) {
        return get(function, FunctionConfig.LATEST, keys);
    }

    public Map<String, String> get(String function, String qualifier, List<String> keys) {
        Map<String, String> env = list(function, qualifier);
        Map<String, String> found = new LinkedHashMap<>();
        keys.stream().filter(env::containsKey).forEach(k -> found.put(k, env.get(k)));
        return found;
    }

    public ReleaseOutcome set(String function, Map<String, String> vars) {
        vars.keySet().forEach(Sealing::checkName);
        return releases.apply(function, setting(function, vars), alreadyHad(vars));
    }

    /**
     * What {@link #set} answers when a read shows every var already has its value and $LATEST holds nothing
     * unreleased; empty when set may make a release. Reads only: asked without the function's lock (see
     * {@link AtomicRelease#unchanged}). Refuses what set refuses.
     */
    public Optional<ReleaseOutcome> alreadySet(String function, Map<String, String> vars) {
        vars.keySet().forEach(Sealing::checkName);
        return releases.unchanged(function, setting(function, vars), alreadyHad(vars));
    }

    private static Change setting(String function, Map<String, String> vars) {
        return latest -> {
            Map<String, String> env = new TreeMap<>(latest.settings().environment());
            refuseSealed(function, SealedSet.of(env), vars.keySet());
            List<String> changed = new ArrayList<>();
            vars.forEach((k, v) -> {
                if (!v.equals(env.put(k, v))) {
                    changed.add(k);
                }
            });
            if (changed.isEmpty()) {
                return Optional.empty();
            }
            LambdaLimits.checkEnvironment(env);
            return Optional.of(Update.settings(latest.settings().withEnvironment(env), describe("Set ", changed)));
        };
    }

    private static String alreadyHad(Map<String, String> vars) {
        return "No change: " + String.join(", ", vars.keySet()) + " already had " + (vars.size() == 1 ? "that value" : "those values") + ".";
    }

    /** Unsetting a sealed var also drops it from the sealed list. */
    public ReleaseOutcome unset(String function, Set<String> keys) {
        keys.forEach(Sealing::checkName);
        return releases.apply(function, latest -> {
            Map<String, String> env = new TreeMap<>(latest.settings().environment());
            List<String> removed = keys.stream().filter(k -> env.remove(k) != null).toList();
            if (removed.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> written = SealedSet.of(env).without(removed).writeTo(env);
            return Optional.of(Update.settings(latest.settings().withEnvironment(written), describe("Unset ", removed)));
        }, "No change: " + String.join(", ", keys) + (keys.size() == 1 ? " was" : " were") + " not set.");
    }

    /**
     * A plaintext value over a sealed var would leave the sealed list claiming it is sealed, and quietly unseal a
     * secret: refused, naming the ways to do either on purpose.
     */
    private static void refuseSealed(String function, SealedSet sealed, Set<String> keys) {
        keys.stream().filter(sealed::contains).findFirst().ifPresent(k -> {
            throw new InvalidParameterException(k + " is sealed on " + function + "; set it with 'config:set --secret "
                    + k + "=-', or run 'config:unseal " + k + "' first to keep it in plaintext.");
        });
    }

    private static String describe(String verb, List<String> keys) {
        return Descriptions.naming(verb, keys, "");
    }
}
