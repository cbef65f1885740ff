package io.lambdoku.cli.dashboard;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use the dashboard, as Jupyter decides it: whoever has the random token printed at start. The
 * token in a URL buys a session cookie (HttpOnly, SameSite=Strict) and a redirect to the URL without it,
 * so it leaves the address bar and the history. Sessions are signed, not stored: the cookie is a random id
 * with its HMAC, and the session's CSRF token is another HMAC of that id, so a form's token is tied to the
 * browser it was served to. Host is checked against the loopback names of the port: a page whose DNS name
 * was rebound to 127.0.0.1 sends its own name, and is refused.
 */
final class Access {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] key;
    private final String cookieName;
    private final Set<String> hosts;

    private Access(String token, byte[] key, int port) {
        this.token = token;
        this.key = key;
        // cookies are kept per host, not per port: two dashboards on one machine must not overwrite each other's
        this.cookieName = "lambdoku-dashboard-" + port;
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    static Access forPort(int port) {
        return new Access(random(24), randomBytes(32), port);
    }

    String token() {
        return token;
    }

    boolean hostAllowed(Optional<String> host) {
        return host.map(h -> hosts.contains(h.strip().toLowerCase(Locale.ROOT))).orElse(false);
    }

    boolean tokenMatches(String given) {
        return equal(given, token);
    }

    /** The session id of a valid cookie among the request's. */
    Optional<String> session(Headers headers) {
        for (String header : headers.getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String c = part.strip();
                if (c.startsWith(cookieName + "=")) {
                    String value = c.substring(cookieName.length() + 1);
                    int dot = value.indexOf('.');
                    if (dot > 0 && equal(value.substring(dot + 1), mac("session:" + value.substring(0, dot)))) {
                        return Optional.of(value.substring(0, dot));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A Set-Cookie header value opening a new session. */
    String newSessionCookie() {
        String id = random(18);
        return cookieName + "=" + id + "." + mac("session:" + id) + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The id a {@link #newSessionCookie} value carries, for the redirect's own page. */
    String sessionOf(String setCookie) {
        String value = setCookie.substring(cookieName.length() + 1, setCookie.indexOf(';'));
        return value.substring(0, value.indexOf('.'));
    }

    String csrf(String session) {
        return mac("csrf:" + session);
    }

    boolean csrfMatches(String session, Optional<String> given) {
        return given.map(g -> equal(g, csrf(session))).orElse(false);
    }

    private String mac(String what) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(what.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Constant time, so the time an answer takes does not tell how much of a guess was right. */
    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
