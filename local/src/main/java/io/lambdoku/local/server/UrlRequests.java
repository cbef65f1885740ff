package io.lambdoku.local.server;

import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.UrlHosts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which requests are function URL requests, and for which URL: any request to a host
 * {@code <url-id>.lambda-url.<region>.localhost}, and any to {@code /lambda-url/<name>[/<alias>]/…} on the server's own
 * address (for clients that cannot pick a Host). In the path form a second segment that is an alias with a URL names
 * that alias; anything else is the path below $LATEST's URL.
 */
final class UrlRequests {

    static final String PREFIX = "lambda-url";

    private final LocalLambda lambda;
    private final String region;

    UrlRequests(LocalLambda lambda, String region) {
        this.lambda = lambda;
        this.region = region;
    }

    boolean claims(WireExchange ex) {
        return UrlHosts.parse(ex.header("Host")).isPresent() || rawSegments(ex).stream().findFirst().filter(PREFIX::equals).isPresent();
    }

    /** The URL the request names; empty when there is none (any more). */
    Optional<UrlTarget> target(WireExchange ex) {
        Optional<UrlHosts.Host> host = UrlHosts.parse(ex.header("Host"));
        if (host.isPresent()) {
            String id = host.get().urlId();
            String rawPath = ex.http().getRequestURI().getRawPath();
            return lambda.functionUrlById(id).map(u -> new UrlTarget(u, id, UrlHosts.domain(id, host.get().region()),
                    rawPath == null || rawPath.isEmpty() ? "/" : rawPath, false));
        }
        List<String> raw = rawSegments(ex);
        if (raw.size() < 2) {
            return Optional.empty();
        }
        String name = decode(raw.get(1));
        if (raw.size() >= 3) {
            Optional<FunctionUrl> alias = find(name, Optional.of(decode(raw.get(2))));
            if (alias.isPresent()) {
                return Optional.of(target(alias.get(), raw.subList(3, raw.size())));
            }
        }
        return find(name, Optional.empty()).map(u -> target(u, raw.subList(2, raw.size())));
    }

    private UrlTarget target(FunctionUrl u, List<String> below) {
        String id = UrlHosts.urlId(u.url());
        return new UrlTarget(u, id, UrlHosts.domain(id, region), "/" + String.join("/", below), true);
    }

    private Optional<FunctionUrl> find(String name, Optional<String> qualifier) {
        try {
            return Optional.of(lambda.getFunctionUrl(name, qualifier));
        } catch (LambdaException e) {
            return Optional.empty(); // no such function, alias or URL; a name that is no alias at all
        }
    }

    /** The path's segments as sent; a trailing slash is kept as an empty last segment ("/a/" is not "/a"). */
    private static List<String> rawSegments(WireExchange ex) {
        String raw = ex.http().getRequestURI().getRawPath();
        if (raw == null || raw.length() <= 1) {
            return List.of();
        }
        return Arrays.asList(raw.substring(1).split("/", -1));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }
}
