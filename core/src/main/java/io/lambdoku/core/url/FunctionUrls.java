package io.lambdoku.core.url;

import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaApi;
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.UrlAuth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An app's function URLs, on $LATEST or an alias: shown, created or changed in place, deleted. Not releases: a URL
 * is no part of a version, and changing one leaves the function's RevisionId alone.
 */
public final class FunctionUrls {

    /** An origin as browsers send it: scheme and host (and port), no path; or * for any. */
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://[^/\\s?#]+");
    /** Lambda's limits on Cors.AllowOrigins: at most 100 origins of at most 253 characters each. */
    private static final int MAX_ORIGINS = 100;
    private static final int MAX_ORIGIN_LENGTH = 253;

    private final LambdaApi api;

    public FunctionUrls(LambdaApi api) {
        this.api = api;
    }

    /** The alias's URL, or every URL of the function ($LATEST's first) when no alias is named. */
    public List<FunctionUrl> show(String function, Optional<String> alias) {
        Optional<String> target = target(alias);
        if (target.isPresent()) {
            return List.of(api.getFunctionUrl(function, target));
        }
        return api.listFunctionUrls(function).stream()
                .sorted((a, b) -> a.qualifier().orElse("").compareTo(b.qualifier().orElse(""))).toList();
    }

    /**
     * Creates the URL, or changes the one there in place so its address stays the same (a URL deleted and created
     * again gets a new address, which whoever holds the old one would lose).
     */
    public UrlChange create(String function, Optional<String> alias, UrlAuth auth, List<String> corsOrigins) {
        Optional<String> target = target(alias);
        FunctionUrlSpec spec = new FunctionUrlSpec(auth, cors(corsOrigins));
        // a missing function or alias, named as such (before any write)
        target.ifPresentOrElse(a -> api.getAlias(function, a), () -> api.getFunction(function, FunctionConfig.LATEST));
        Optional<FunctionUrl> existing = existing(function, target);
        if (existing.isEmpty()) {
            try {
                return new UrlChange(api.createFunctionUrl(function, target, spec), UrlChange.Kind.CREATED);
            } catch (ResourceConflictException raced) {
                existing = Optional.of(api.getFunctionUrl(function, target)); // created meanwhile by another run
            }
        }
        FunctionUrl was = existing.get();
        if (was.auth() == spec.auth() && was.cors().equals(spec.cors())) {
            return new UrlChange(was, UrlChange.Kind.UNCHANGED);
        }
        return new UrlChange(api.updateFunctionUrl(function, target, spec), UrlChange.Kind.UPDATED);
    }

    /** Deletes the URL and answers what it was; none there is a {@link ResourceNotFoundException}. */
    public FunctionUrl delete(String function, Optional<String> alias) {
        Optional<String> target = target(alias);
        FunctionUrl url = api.getFunctionUrl(function, target);
        api.deleteFunctionUrl(function, target);
        return url;
    }

    private Optional<FunctionUrl> existing(String function, Optional<String> target) {
        try {
            return Optional.of(api.getFunctionUrl(function, target));
        } catch (ResourceNotFoundException none) {
            return Optional.empty(); // the function and alias exist (read just before): only the URL is missing
        }
    }

    /** $LATEST is the empty qualifier; a version is refused, as Lambda refuses it. */
    private static Optional<String> target(Optional<String> alias) {
        if (alias.isEmpty() || alias.get().equals(FunctionConfig.LATEST)) {
            return Optional.empty();
        }
        String a = alias.get();
        if (a.matches("[0-9]+")) {
            throw new InvalidParameterException("A function URL serves $LATEST or an alias, never a version: point an"
                    + " alias at release " + a + " ('lambdoku alias:set NAME " + a + "') and give that alias the URL.");
        }
        return alias;
    }

    private static Optional<Cors> cors(List<String> origins) {
        if (origins.isEmpty()) {
            return Optional.empty();
        }
        if (origins.size() > MAX_ORIGINS) {
            throw new InvalidParameterException("A function URL allows at most " + MAX_ORIGINS + " CORS origins, not "
                    + origins.size() + ".");
        }
        for (String o : origins) {
            if (!ORIGIN.matcher(o).matches() || o.length() > MAX_ORIGIN_LENGTH) {
                throw new InvalidParameterException("'" + o + "' is not a CORS origin; give one like https://shop.example"
                        + " (scheme and host, no path), or * for any.");
            }
        }
        return Optional.of(Cors.origins(origins));
    }
}
