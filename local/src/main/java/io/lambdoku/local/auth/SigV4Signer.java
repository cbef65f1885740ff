package io.lambdoku.local.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signs requests to an AWS-shaped endpoint the way the SDKs do, for lambdoku's own calls to a running
 * 'local serve' (and for tests, which also need badly signed and stale requests).
 */
public final class SigV4Signer {

    private final AccessKey key;
    private final String region;
    private final String service;
    private final Clock clock;

    public SigV4Signer(AccessKey key, String region, String service, Clock clock) {
        this.key = key;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    /**
     * The headers to add to a request of {@code method} to {@code uri} carrying {@code headers} (all of
     * them signed) and {@code body}: X-Amz-Date and Authorization. The Host signed is the one
     * HttpURLConnection and java.net.http send: the URI's host, with its port unless it is the default.
     * An x-amz-content-sha256 among the headers (UNSIGNED-PAYLOAD, say) is signed as the payload's hash.
     */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body) {
        String amzDate = SigV4.AMZ_DATE.format(clock.instant());
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), List.of(v)));
        all.put("host", List.of(host(uri)));
        all.put("x-amz-date", List.of(amzDate));
        SignableRequest r = SignableRequest.of(method, uri, all);
        List<String> signed = SigV4.sortedNames(r.headers());
        CredentialScope scope = new CredentialScope(amzDate.substring(0, 8), region, service);
        String payloadHash = r.header("x-amz-content-sha256").orElseGet(() -> SigV4.sha256Hex(body));
        String signature = SigV4.signature(key.secret(), amzDate, scope, r, signed, payloadHash, Set.of());
        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Amz-Date", amzDate);
        added.put("Authorization", SigV4.ALGORITHM + " Credential=" + key.id() + "/" + scope + ", SignedHeaders="
                + String.join(";", signed) + ", Signature=" + signature);
        return added;
    }

    /** {@code uri} with a query signature valid for {@code expires}, over the Host only (UNSIGNED-PAYLOAD). */
    public URI presign(String method, URI uri, Duration expires) {
        String amzDate = SigV4.AMZ_DATE.format(clock.instant());
        CredentialScope scope = new CredentialScope(amzDate.substring(0, 8), region, service);
        String query = (uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? "" : uri.getRawQuery() + "&")
                + "X-Amz-Algorithm=" + SigV4.ALGORITHM
                + "&X-Amz-Credential=" + SigV4.encode(key.id() + "/" + scope)
                + "&X-Amz-Date=" + amzDate
                + "&X-Amz-Expires=" + expires.toSeconds()
                + "&X-Amz-SignedHeaders=host";
        URI unsigned = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?" + query);
        SignableRequest r = SignableRequest.of(method, unsigned, Map.of("host", List.of(host(uri))));
        String signature = SigV4.signature(key.secret(), amzDate, scope, r, List.of("host"), SigV4.UNSIGNED_PAYLOAD, Set.of());
        return URI.create(unsigned + "&X-Amz-Signature=" + signature);
    }

    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        return uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
