package io.lambdoku.local.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SigV4 elements a request carries, from its Authorization header or, presigned, from its query
 * (X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders, -Signature). Parsing checks that
 * they are all there and well formed; whether they are right is {@link SignatureCheck}'s business.
 */
public record RequestSignature(String accessKeyId, CredentialScope scope, List<String> signedHeaders, String signature,
        String amzDate, Instant signedAt, Optional<Duration> expires) {

    public RequestSignature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** AWS caps presigned URLs at seven days. */
    static final long MAX_EXPIRES_SECONDS = 604_800;

    public boolean presigned() {
        return expires.isPresent();
    }

    static RequestSignature parse(SignableRequest r) {
        Map<String, String> query = queryParameters(r.rawQuery());
        Optional<String> authorization = r.header("Authorization");
        boolean presigned = query.containsKey("X-Amz-Algorithm") || query.containsKey("X-Amz-Signature");
        if (presigned && authorization.isPresent()) {
            throw AuthException.incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter"
                    + " or the Authorization header should be specified.");
        }
        if (presigned) {
            return fromQuery(query);
        }
        return fromHeader(authorization.orElseThrow(AuthException::missing), r);
    }

    private static RequestSignature fromHeader(String authorization, SignableRequest r) {
        String value = authorization.strip();
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(SigV4.ALGORITHM)) {
            throw AuthException.incomplete("Authorization header requires the " + SigV4.ALGORITHM
                    + " algorithm (AWS Signature Version 4); lambdoku local serve accepts no other.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(space + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!parts.containsKey(name)) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        String amzDate = r.header("X-Amz-Date").orElse(null);
        if (amzDate == null) {
            missing.add("Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        if (!missing.isEmpty()) {
            throw AuthException.incomplete(String.join(" ", missing) + " Authorization=" + algorithm);
        }
        List<String> signed = signedHeaders(parts.get("SignedHeaders"));
        if (!signed.contains("x-amz-date")) {
            throw AuthException.incomplete("The X-Amz-Date header must be signed: SignedHeaders lists "
                    + parts.get("SignedHeaders") + ".");
        }
        return build(parts.get("Credential"), signed, parts.get("Signature"), amzDate, Optional.empty());
    }

    private static RequestSignature fromQuery(Map<String, String> q) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                "X-Amz-SignedHeaders", "X-Amz-Signature")) {
            if (!q.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw AuthException.incomplete("A presigned request requires the query parameters " + String.join(", ", missing) + ".");
        }
        if (!q.get("X-Amz-Algorithm").equals(SigV4.ALGORITHM)) {
            throw AuthException.incomplete("X-Amz-Algorithm must be " + SigV4.ALGORITHM + ", not '" + q.get("X-Amz-Algorithm") + "'.");
        }
        long expires;
        try {
            expires = Long.parseLong(q.get("X-Amz-Expires"));
        } catch (NumberFormatException e) {
            expires = -1;
        }
        if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
            throw AuthException.incomplete("X-Amz-Expires must be a number of seconds from 1 to " + MAX_EXPIRES_SECONDS
                    + ", not '" + q.get("X-Amz-Expires") + "'.");
        }
        return build(q.get("X-Amz-Credential"), signedHeaders(q.get("X-Amz-SignedHeaders")), q.get("X-Amz-Signature"),
                q.get("X-Amz-Date"), Optional.of(Duration.ofSeconds(expires)));
    }

    private static RequestSignature build(String credential, List<String> signed, String signature, String amzDate,
            Optional<Duration> expires) {
        String[] c = credential.split("/", -1);
        if (c.length != 5 || c[0].isEmpty() || !c[1].matches("[0-9]{8}") || c[2].isEmpty() || c[3].isEmpty()
                || !c[4].equals(CredentialScope.TERMINATOR)) {
            throw AuthException.incomplete("Credential must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request, not '"
                    + credential + "'.");
        }
        if (!signed.contains("host")) {
            throw AuthException.incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!signature.matches("[0-9a-f]{64}")) {
            throw AuthException.incomplete("Signature must be 64 lower-case hex digits.");
        }
        Instant at;
        try {
            at = SigV4.AMZ_DATE.parse(amzDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw AuthException.incomplete("X-Amz-Date must be an ISO 8601 basic date-time like 20150830T123600Z, not '"
                    + amzDate + "'.");
        }
        if (!amzDate.startsWith(c[1])) {
            throw AuthException.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + c[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        return new RequestSignature(c[0], new CredentialScope(c[1], c[2], c[3]), signed, signature, amzDate, at, expires);
    }

    /** Lower-case names separated by ';', sorted, as the spec wants them listed. */
    private static List<String> signedHeaders(String list) {
        List<String> names = Arrays.stream(list.split(";")).map(String::strip).toList();
        if (names.stream().anyMatch(n -> n.isEmpty() || !n.equals(n.toLowerCase(Locale.ROOT)))
                || !names.stream().sorted().toList().equals(names)) {
            throw AuthException.incomplete("SignedHeaders must be lower-case header names, sorted and separated by ';', not '"
                    + list + "'.");
        }
        return names;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> q = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.startsWith("X-Amz-") && eq > 0) {
                try {
                    q.putIfAbsent(SigV4.decode(pair.substring(0, eq)), SigV4.decode(pair.substring(eq + 1)));
                } catch (IllegalArgumentException badEscape) {
                    throw AuthException.incomplete("The query string is not valid percent-encoding.");
                }
            }
        }
        return q;
    }
}
