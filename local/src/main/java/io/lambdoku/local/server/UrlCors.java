package io.lambdoku.local.server;

import io.lambdoku.core.lambda.Cors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A function URL's Cors block at work: Lambda answers preflights (OPTIONS with Access-Control-Request-Method) itself,
 * without invoking the function, and sets the Access-Control-* headers of every answer to an allowed Origin, replacing
 * any the function set. A URL without a Cors block leaves both to the function.
 */
final class UrlCors {

    private UrlCors() {
    }

    static boolean isPreflight(WireExchange ex, Optional<Cors> cors) {
        return cors.isPresent() && ex.method().equals("OPTIONS") && ex.header("Origin").isPresent()
                && ex.header("Access-Control-Request-Method").isPresent();
    }

    static UrlAnswer preflight(WireExchange ex, Cors cors) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        String origin = ex.header("Origin").orElseThrow();
        if (allowed(cors, origin)) {
            h.add(Map.entry("Access-Control-Allow-Origin", allowOrigin(cors, origin)));
            String method = ex.header("Access-Control-Request-Method").orElseThrow();
            h.add(Map.entry("Access-Control-Allow-Methods", cors.allowMethods().contains("*") ? method
                    : String.join(",", cors.allowMethods())));
            Optional<String> asked = ex.header("Access-Control-Request-Headers");
            String headers = cors.allowHeaders().contains("*") ? asked.orElse("") : String.join(",", cors.allowHeaders());
            if (!headers.isEmpty()) {
                h.add(Map.entry("Access-Control-Allow-Headers", headers));
            }
            cors.maxAge().ifPresent(a -> h.add(Map.entry("Access-Control-Max-Age", String.valueOf(a))));
            if (cors.allowCredentials()) {
                h.add(Map.entry("Access-Control-Allow-Credentials", "true"));
            }
        }
        h.add(Map.entry("Vary", "Origin"));
        return new UrlAnswer(200, h, new byte[0]);
    }

    /** The answer with the Cors block's headers in place of the function's own Access-Control-* headers. */
    static UrlAnswer apply(UrlAnswer answer, Optional<String> origin, Cors cors) {
        List<Map.Entry<String, String>> h = new ArrayList<>(answer.headers().stream()
                .filter(e -> !e.getKey().toLowerCase(Locale.ROOT).startsWith("access-control-")).toList());
        if (origin.isPresent() && allowed(cors, origin.get())) {
            h.add(Map.entry("Access-Control-Allow-Origin", allowOrigin(cors, origin.get())));
            if (cors.allowCredentials()) {
                h.add(Map.entry("Access-Control-Allow-Credentials", "true"));
            }
            if (!cors.exposeHeaders().isEmpty()) {
                h.add(Map.entry("Access-Control-Expose-Headers", String.join(",", cors.exposeHeaders())));
            }
            h.add(Map.entry("Vary", "Origin"));
        }
        return new UrlAnswer(answer.status(), h, answer.body());
    }

    private static boolean allowed(Cors cors, String origin) {
        return cors.allowOrigins().contains("*") || cors.allowOrigins().stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    /** "*" only when any origin goes and no credentials travel (browsers refuse "*" with credentials). */
    private static String allowOrigin(Cors cors, String origin) {
        return cors.allowOrigins().contains("*") && !cors.allowCredentials() ? "*" : origin;
    }
}
