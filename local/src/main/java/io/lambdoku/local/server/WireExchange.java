package io.lambdoku.local.server;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import io.lambdoku.local.auth.SigV4;
import io.lambdoku.local.auth.SignableRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request of the AWS APIs served here: decoded path segments, query, the body (read whole,
 * within its limit, before any route sees it), JSON members; and its answer.
 */
final class WireExchange {

    private final HttpExchange http;
    private final RequestBodies bodies;
    private final List<String> segments;
    private final Map<String, List<String>> query;
    private final Optional<String> malformed;
    private RequestBodies.Body raw;
    private String rawSha256;
    private Map<String, Object> body;

    WireExchange(HttpExchange http, RequestBodies bodies) {
        this.http = http;
        this.bodies = bodies;
        List<String> path;
        Map<String, List<String>> q;
        String bad = null;
        try {
            path = Arrays.stream(http.getRequestURI().getRawPath().split("/"))
                    .filter(s -> !s.isEmpty()).map(WireExchange::decode).toList();
            q = parseQuery(http.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            path = List.of();
            q = Map.of();
            bad = e.getMessage();
        }
        this.segments = path;
        this.query = q;
        this.malformed = Optional.ofNullable(bad);
    }

    /** Why the request line could not be decoded (a bad percent-encoding), to answer in AWS's shape. */
    Optional<String> malformed() {
        return malformed;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    List<String> segments() {
        return segments;
    }

    Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> queryAll(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** Every query parameter, decoded, in the order sent (a function URL's event passes them all on). */
    Map<String, List<String>> queryParameters() {
        return query;
    }

    /** The exchange itself, for the function URL data plane, which passes on every header and answers with any. */
    HttpExchange http() {
        return http;
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(http.getRequestHeaders().getFirst(name));
    }

    /** The request as SigV4 signs it: method, path and query as sent, headers. */
    SignableRequest signable() {
        return SignableRequest.of(method(), http.getRequestURI(), http.getRequestHeaders());
    }

    /** Reads the whole body, refusing it (413) past {@code limit}; routes see only bodies read this way. */
    void readBody(BodyLimits.Limit limit) throws IOException {
        // the JDK has refused any other Transfer-Encoding, and a Content-Length that is no number
        String length = http.getRequestHeaders().getFirst("Content-Length");
        long declared = http.getRequestHeaders().containsKey("Transfer-Encoding") ? -1 : length == null ? 0 : Long.parseLong(length);
        raw = bodies.read(http.getRequestBody(), declared, limit);
    }

    /** Gives the body's bytes back to the budget of bodies in memory, once the request is answered. */
    void release() {
        if (raw != null) {
            bodies.release(raw);
        }
    }

    /** The hex SHA-256 of the body, which SigV4 signs. */
    String bodySha256() {
        if (rawSha256 == null) {
            rawSha256 = SigV4.sha256Hex(rawBody());
        }
        return rawSha256;
    }

    /** The body as sent, for Invoke's payload. */
    byte[] rawBody() {
        if (raw == null) {
            throw new IllegalStateException("the body is read, within its limit, before a route runs");
        }
        return raw.bytes();
    }

    /** The JSON object body; an empty body reads as {}. */
    Map<String, Object> body() {
        if (body == null) {
            byte[] bytes = rawBody();
            try {
                body = bytes.length == 0 ? Map.of() : JSON.std.mapFrom(bytes);
            } catch (IOException e) {
                body = Map.of();
                throw WireError.badRequest("Could not parse request body into json: " + e.getMessage());
            }
            if (body == null) {
                body = Map.of();
            }
        }
        return body;
    }

    Optional<String> string(String member) {
        Object v = body().get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw WireError.badRequest(member + " must be a string.");
        }
        return Optional.of(s);
    }

    Optional<Integer> integer(String member) {
        Object v = body().get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue()) {
            throw WireError.badRequest(member + " must be a whole number.");
        }
        return Optional.of(n.intValue());
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> object(String member) {
        Object v = body().get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            throw WireError.badRequest(member + " must be an object.");
        }
        return Optional.of((Map<String, Object>) v);
    }

    boolean flag(String member) {
        Object v = body().get(member);
        return Boolean.TRUE.equals(v);
    }

    void json(int status, Object value) throws IOException {
        bytes(status, "application/json", JSON.std.asBytes(value), Map.of());
    }

    void empty(int status) throws IOException {
        http.sendResponseHeaders(status, -1);
        http.close();
    }

    /**
     * An error in the shape of the protocol the request spoke: Lambda's REST {"Type","message"}, or the
     * JSON 1.1 protocol's {"__type","message"} when it came with an X-Amz-Target. A body left unread (a
     * refusal before reading it) is not drained: the JDK reads at most 64 KB more, then drops the connection.
     */
    void error(WireError e) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean json11 = header("X-Amz-Target").isPresent();
        m.put(json11 ? "__type" : "Type", json11 ? e.type() : "User");
        m.put("message", e.message());
        bytes(e.status(), json11 ? "application/x-amz-json-1.1" : "application/json", JSON.std.asBytes(m),
                Map.of("X-Amzn-ErrorType", e.type()));
    }

    void bytes(int status, String contentType, byte[] payload, Map<String, String> headers) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        http.getResponseHeaders().set("X-Amzn-RequestId", java.util.UUID.randomUUID().toString());
        headers.forEach((k, v) -> http.getResponseHeaders().set(k, v));
        http.sendResponseHeaders(status, payload.length == 0 ? -1 : payload.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(payload);
        }
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
