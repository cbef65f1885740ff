package io.lambdoku.local;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the local backend names function URLs: {@code http://<url-id>.lambda-url.<region>.localhost:<port>/}, Lambda's
 * {@code <url-id>.lambda-url.<region>.on.aws} with {@code localhost} for the domain, which curl and browsers resolve
 * to loopback without any DNS (RFC 6761). The url-id is Lambda's: 32 lower-case letters and digits, random.
 */
public final class UrlHosts {

    private static final Pattern HOST = Pattern.compile("([a-z0-9]{32})\\.lambda-url\\.([a-z0-9-]+)\\.localhost\\.?(?::([0-9]{1,5}))?");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A URL host: the url-id, the region, the port named (empty: the scheme's default). */
    public record Host(String urlId, String region, Optional<Integer> port) {
    }

    private UrlHosts() {
    }

    static String newUrlId() {
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** The URL of {@code urlId} on the server at {@code endpoint} (its scheme and port). */
    public static String url(String urlId, String region, URI endpoint) {
        return endpoint.getScheme() + "://" + domain(urlId, region) + ":" + endpoint.getPort() + "/";
    }

    /** The host name without a port, as the event's requestContext.domainName gives it. */
    public static String domain(String urlId, String region) {
        return urlId + ".lambda-url." + region + ".localhost";
    }

    /** The url-id of a URL this backend handed out. */
    public static String urlId(String url) {
        return URI.create(url).getHost().substring(0, 32);
    }

    /** A Host header naming a function URL; host names are case-insensitive, url-ids lower-case. */
    public static Optional<Host> parse(Optional<String> hostHeader) {
        if (hostHeader.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = HOST.matcher(hostHeader.get().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Host(m.group(1), m.group(2), Optional.ofNullable(m.group(3)).map(Integer::parseInt)));
    }
}
