package io.lambdoku.local.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Signature Version 4 signs of an HTTP request: the method, the path and query exactly as they
 * travel (still percent-encoded), and the headers by lower-case name. The same view serves the client
 * that signs a request and the server that checks one, so both canonicalize the very same way.
 */
public record SignableRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public SignableRequest {
        rawPath = rawPath == null ? "" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new java.util.ArrayList<>())
                .addAll(values));
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Map.copyOf(lower);
    }

    public static SignableRequest of(String method, URI uri, Map<String, List<String>> headers) {
        return new SignableRequest(method, uri.getRawPath(), uri.getRawQuery(), headers);
    }

    /** The first value of a header, by any spelling of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
