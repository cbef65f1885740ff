package io.lambdoku.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, the arithmetic only: canonical request, string to sign, signing key,
 * signature (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). Written
 * once for the signer and the checker. Canonicalization follows botocore and the SDKs for every
 * service but S3: the path is URI-encoded once more as sent (so %3A is signed as %253A), with dot
 * segments and empty segments removed.
 */
public final class SigV4 {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4() {
    }

    /** The hex signature of a request by {@code secret}, for the given signed headers and payload hash. */
    public static String signature(String secret, String amzDate, CredentialScope scope, SignableRequest request,
            List<String> signedHeaders, String payloadHash, Set<String> queryLeftOut) {
        String canonical = canonicalRequest(request, signedHeaders, payloadHash, queryLeftOut);
        String toSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        key = hmac(key, CredentialScope.TERMINATOR);
        return HexFormat.of().formatHex(hmac(key, toSign));
    }

    static String canonicalRequest(SignableRequest r, List<String> signedHeaders, String payloadHash, Set<String> queryLeftOut) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = r.headers().getOrDefault(name, List.of());
            headers.append(name).append(':')
                    .append(values.stream().map(v -> v.strip().replaceAll("\\s+", " ")).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return r.method() + "\n" + canonicalUri(r.rawPath()) + "\n" + canonicalQuery(r.rawQuery(), queryLeftOut) + "\n"
                + headers + "\n" + String.join(";", signedHeaders) + "\n" + payloadHash;
    }

    /** The path as sent, dot and empty segments removed (botocore's normalization), then encoded again. */
    static String canonicalUri(String rawPath) {
        List<String> kept = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                kept.add(encode(segment));
            }
        }
        String path = "/" + String.join("/", kept);
        return rawPath.endsWith("/") && !kept.isEmpty() ? path + "/" : path;
    }

    /**
     * Parameters decoded as this server reads them ('+' is a plus, not a space) and encoded strictly,
     * sorted by name, then value. What is signed is therefore what the server acts on.
     */
    static String canonicalQuery(String rawQuery, Set<String> leftOut) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (!leftOut.contains(name)) {
                pairs.add(new String[] {encode(name), encode(eq < 0 ? "" : decode(pair.substring(eq + 1)))});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** RFC 3986 as SigV4 wants it: unreserved characters stay, every other byte is %XX in upper case. */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding as the server decodes its query; a bad escape is an IllegalArgumentException. */
    static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Header names sorted as SignedHeaders lists them. */
    static List<String> sortedNames(Map<String, ?> headers) {
        return headers.keySet().stream().sorted().toList();
    }
}
