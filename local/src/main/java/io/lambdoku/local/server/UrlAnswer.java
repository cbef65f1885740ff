package io.lambdoku.local.server;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A function's answer as a function URL's HTTP response, mapped as Lambda maps payload format 2.0: an object with a
 * statusCode gives status, headers, multiValueHeaders, cookies (one Set-Cookie each) and body (base64-decoded when
 * isBase64Encoded); a JSON string is the body itself; anything else is a 200 with the whole answer as a JSON body.
 */
record UrlAnswer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    static final String JSON_TYPE = "application/json";
    /** Scripts, forms and popups as a page needs them, never same-origin (so no cookies, storage or DOM of ours). */
    static final String SANDBOX = "sandbox allow-scripts allow-forms allow-popups";

    UrlAnswer {
        headers = List.copyOf(headers);
    }

    static UrlAnswer of(byte[] payload) {
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(payload);
        } catch (IOException | RuntimeException e) {
            parsed = null; // not JSON at all: passed on as it is
        }
        if (parsed instanceof String s) {
            return new UrlAnswer(200, List.of(Map.entry("Content-Type", JSON_TYPE)), s.getBytes(StandardCharsets.UTF_8));
        }
        if (parsed instanceof Map<?, ?> m && m.containsKey("statusCode")) {
            return structured(m);
        }
        return new UrlAnswer(200, List.of(Map.entry("Content-Type", JSON_TYPE)), payload);
    }

    /**
     * This answer in a sandbox of its own origin: a path-form URL shares local serve's origin with the dashboard, so an
     * HTML answer could otherwise script the dashboard. Added to any CSP of the function's (browsers enforce all).
     */
    UrlAnswer sandboxed() {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry("Content-Security-Policy", SANDBOX));
        return new UrlAnswer(status, h, body);
    }

    /** A function that fails, or answers what cannot be mapped: Lambda's 502. */
    static UrlAnswer badGateway() {
        return new UrlAnswer(502, List.of(Map.entry("Content-Type", JSON_TYPE)), "Internal Server Error".getBytes(StandardCharsets.UTF_8));
    }

    /** Lambda's data-plane errors: {"Message": …} (null where Lambda says nothing), the type in X-Amzn-ErrorType. */
    static UrlAnswer error(int status, String type, String message) {
        try {
            byte[] body = JSON.std.asBytes(java.util.Collections.singletonMap("Message", message));
            return new UrlAnswer(status, List.of(Map.entry("Content-Type", JSON_TYPE), Map.entry("X-Amzn-ErrorType", type)), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static UrlAnswer structured(Map<?, ?> m) {
        int status;
        try {
            status = Integer.parseInt(String.valueOf(m.get("statusCode")).replaceAll("\\.0$", ""));
        } catch (NumberFormatException e) {
            return badGateway();
        }
        if (status < 100 || status > 599) {
            return badGateway();
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (m.get("headers") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> headers.add(Map.entry(String.valueOf(k), String.valueOf(v))));
        }
        if (m.get("multiValueHeaders") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> {
                if (v instanceof List<?> values) {
                    values.forEach(value -> headers.add(Map.entry(String.valueOf(k), String.valueOf(value))));
                }
            });
        }
        if (m.get("cookies") instanceof List<?> cookies) {
            cookies.forEach(c -> headers.add(Map.entry("Set-Cookie", String.valueOf(c))));
        }
        if (headers.stream().noneMatch(e -> e.getKey().toLowerCase(Locale.ROOT).equals("content-type"))) {
            headers.add(0, Map.entry("Content-Type", JSON_TYPE));
        }
        byte[] body;
        try {
            body = body(m.get("body"), Boolean.TRUE.equals(m.get("isBase64Encoded")));
        } catch (IllegalArgumentException | IOException e) {
            return badGateway();
        }
        return new UrlAnswer(status, headers, body);
    }

    private static byte[] body(Object body, boolean base64) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof String s) {
            return base64 ? Base64.getDecoder().decode(s) : s.getBytes(StandardCharsets.UTF_8);
        }
        return JSON.std.asBytes(body); // an object or number as the body: sent as its JSON
    }
}
