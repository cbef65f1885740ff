package io.lambdoku.local.server;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.RequestSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A function URL request as the function sees it: payload format 2.0, as in AWS's "Lambda function URL request and
 * response payloads". Header names lower-case, repeated headers and query parameters joined with ","; cookies in their
 * own list (not among the headers); a body of a text type as text, any other body base64 with isBase64Encoded.
 */
final class UrlEvent {

    /**
     * Hop-by-hop headers and Content-Length, which Lambda's front end consumes (AWS's own sample events have none),
     * and Cookie, whose values go to "cookies".
     */
    private static final Set<String> LEFT_OUT = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "cookie");
    /**
     * The dashboard's session cookie (lambdoku-dashboard-&lt;port&gt;), which a browser also sends to the path form (same
     * origin): a function logging its event would leak a live session. (Cookie is left out of the headers anyway.)
     */
    private static final String DASHBOARD_COOKIE = "lambdoku-dashboard-";
    /** requestContext.time: 12/Mar/2020:19:03:58 +0000 (English month names, whichever locale data the JVM uses). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private UrlEvent() {
    }

    /** {@code caller}: the signature of an AWS_IAM request, empty for NONE (whose caller Lambda calls "anonymous"). */
    static byte[] of(WireExchange ex, UrlTarget target, Optional<RequestSignature> caller, String requestId, Instant now) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "2.0");
        e.put("routeKey", "$default");
        e.put("rawPath", target.rawPath());
        String rawQuery = ex.http().getRequestURI().getRawQuery();
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        List<String> cookies = cookies(ex);
        if (!cookies.isEmpty()) {
            e.put("cookies", cookies);
        }
        e.put("headers", headers(ex));
        Map<String, String> query = new LinkedHashMap<>();
        ex.queryParameters().forEach((k, v) -> query.put(k, String.join(",", v)));
        if (!query.isEmpty()) {
            e.put("queryStringParameters", query);
        }
        e.put("requestContext", context(ex, target, caller, requestId, now));
        byte[] body = ex.rawBody();
        boolean text = isText(ex.header("Content-Type")) && utf8(body).isPresent();
        if (body.length > 0) {
            e.put("body", text ? utf8(body).get() : Base64.getEncoder().encodeToString(body));
        }
        e.put("isBase64Encoded", body.length > 0 && !text);
        try {
            return JSON.std.asBytes(e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static Map<String, Object> context(WireExchange ex, UrlTarget target, Optional<RequestSignature> caller,
                                               String requestId, Instant now) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("accountId", caller.isPresent() ? LocalOptions.ACCOUNT : "anonymous");
        c.put("apiId", target.urlId());
        caller.ifPresent(s -> c.put("authorizer", Map.of("iam", iam(s))));
        c.put("domainName", target.domain());
        c.put("domainPrefix", target.urlId());
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", ex.method());
        http.put("path", target.rawPath());
        http.put("protocol", ex.http().getProtocol());
        http.put("sourceIp", ex.http().getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", ex.header("User-Agent").orElse(""));
        c.put("http", http);
        c.put("requestId", requestId);
        c.put("routeKey", "$default");
        c.put("stage", "$default");
        c.put("time", TIME.format(now));
        c.put("timeEpoch", now.toEpochMilli());
        return c;
    }

    private static Map<String, Object> iam(RequestSignature s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessKey", s.accessKeyId());
        m.put("accountId", LocalOptions.ACCOUNT);
        m.put("callerId", s.accessKeyId());
        m.put("cognitoIdentity", null);
        m.put("principalOrgId", null);
        m.put("userArn", "arn:aws:iam::" + LocalOptions.ACCOUNT + ":user/" + s.accessKeyId());
        m.put("userId", s.accessKeyId());
        return m;
    }

    private static Map<String, String> headers(WireExchange ex) {
        Map<String, String> h = new LinkedHashMap<>();
        ex.http().getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!LEFT_OUT.contains(lower)) {
                h.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        boolean tls = ex.http() instanceof com.sun.net.httpserver.HttpsExchange;
        h.put("x-forwarded-proto", tls ? "https" : "http");
        h.put("x-forwarded-port", String.valueOf(ex.http().getLocalAddress().getPort()));
        h.put("x-forwarded-for", ex.http().getRemoteAddress().getAddress().getHostAddress());
        h.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        return h;
    }

    private static List<String> cookies(WireExchange ex) {
        List<String> out = new ArrayList<>();
        for (String header : ex.http().getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String c : header.split(";")) {
                if (!c.isBlank() && !c.strip().startsWith(DASHBOARD_COOKIE)) {
                    out.add(c.strip());
                }
            }
        }
        return out;
    }

    /**
     * The types Lambda passes as text: text/*, and JSON and XML under any prefix (LocalStack's rule, checked against AWS);
     * any other body, forms ({@code curl -d}) and a body without a type included, arrives base64, as on Lambda.
     */
    static boolean isText(Optional<String> contentType) {
        String t = contentType.map(s -> s.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        return t.contains("text") || t.contains("json") || t.contains("xml");
    }

    private static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
