package io.lambdoku.cli.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a page sees it: decoded path parameters, query and form fields, and the session's CSRF
 * token, which every form that POSTs must carry (see {@link Layout#csrfField}).
 */
public record Request(String method, String path, Map<String, String> params, Map<String, String> query,
        Map<String, String> form, String csrf) {

    public Request {
        params = Map.copyOf(params);
        query = Map.copyOf(query);
        form = Map.copyOf(form);
    }

    /** A path parameter the route names; always present. */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the route has no {" + name + "}");
        }
        return v;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> form(String name) {
        return Optional.ofNullable(form.get(name));
    }

    /** {@code a=1&b=2}, each name and value percent-decoded; the first of repeated names wins. */
    static Map<String, String> fields(String encoded) {
        Map<String, String> m = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return m;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            m.putIfAbsent(name, value);
        }
        return m;
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape reads as itself, and matches nothing
        }
    }
}
