package io.lambdoku.cli.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The dashboard's route table: one line per page or action. Every POST route is a change and is served
 * only with the session's CSRF token (checked before the handler runs, see {@link Access}).
 */
public final class Routes {

    private final List<Route> routes = new ArrayList<>();
    private final Live live;

    Routes(Live live) {
        this.live = live;
    }

    public Routes get(String pattern, Handler handler) {
        routes.add(Route.of("GET", pattern, handler));
        return this;
    }

    public Routes post(String pattern, Handler handler) {
        routes.add(Route.of("POST", pattern, handler));
        return this;
    }

    /**
     * A live topic: pages that mark a region {@code data-live="/live/NAME"} get it re-fetched whenever
     * {@code signature} (compared every couple of seconds, off the page's request) changes.
     */
    public Routes live(String name, Supplier<String> signature) {
        live.topic(name, signature);
        return this;
    }

    /** The route and its path parameters for a request; empty when none matches. */
    Optional<Matched> find(String method, String rawPath) {
        for (Route r : routes) {
            if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                Optional<Map<String, String>> params = r.match(rawPath);
                if (params.isPresent()) {
                    return Optional.of(new Matched(r, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some route of any method matches (a 405 rather than a 404). */
    boolean knows(String rawPath) {
        return routes.stream().anyMatch(r -> r.match(rawPath).isPresent());
    }

    /** First path segments of every route, for local serve to tell dashboard paths from the AWS API's. */
    Set<String> topSegments() {
        Set<String> s = new TreeSet<>();
        routes.forEach(r -> s.add(r.topSegment()));
        return s;
    }

    record Matched(Route route, Map<String, String> params) {
    }
}
