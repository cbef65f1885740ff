package io.lambdoku.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a request is signed well enough to be served. Without a key (a loopback server) any
 * access key goes, but the signature must be well formed and fresh: that alone shuts out web pages,
 * which cannot send an Authorization header to another origin without a CORS preflight this server
 * never grants. With a key, the signature is recomputed with its secret and must match.
 */
public final class SignatureCheck {

    /** How far X-Amz-Date may be from this server's clock, as on AWS. */
    public static final Duration SKEW = Duration.ofMinutes(15);

    private static final Set<String> PRESIGN_PARAMETER = Set.of("X-Amz-Signature");

    private final Optional<AccessKey> key;
    private final Clock clock;

    public SignatureCheck(Optional<AccessKey> key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** True when signatures are checked with a secret, not only for their form. */
    public boolean verifies() {
        return key.isPresent();
    }

    /**
     * What can be decided from the request line and headers: present, well formed, fresh, a known
     * access key. Cheap, so it runs before a byte of the body is read.
     */
    public RequestSignature admit(SignableRequest r) {
        RequestSignature s = RequestSignature.parse(r);
        fresh(s);
        if (key.isPresent() && !key.get().id().equals(s.accessKeyId())) {
            throw AuthException.unknownKey();
        }
        return s;
    }

    /**
     * With a key: recomputes the signature over the request and the body's SHA-256 (or what
     * x-amz-content-sha256 declares, which must then be the body's). Without one: nothing more to check.
     */
    public void verify(SignableRequest r, RequestSignature s, Supplier<String> bodySha256) {
        if (key.isEmpty()) {
            return;
        }
        Optional<String> declared = r.header("x-amz-content-sha256");
        List<String> candidates;
        if (declared.isPresent()) {
            String d = declared.get();
            if (d.startsWith("STREAMING-")) {
                throw AuthException.incomplete("x-amz-content-sha256 " + d + " (aws-chunked uploads) is not supported here;"
                        + " send the body whole.");
            }
            if (!d.equals(SigV4.UNSIGNED_PAYLOAD) && !d.matches("[0-9a-f]{64}")) {
                throw AuthException.incomplete("x-amz-content-sha256 must be a lower-case hex SHA-256 or UNSIGNED-PAYLOAD, not '"
                        + d + "'.");
            }
            if (!d.equals(SigV4.UNSIGNED_PAYLOAD) && !d.equals(bodySha256.get())) {
                throw AuthException.invalid("The x-amz-content-sha256 header does not match the SHA-256 of the body sent.");
            }
            candidates = List.of(d);
        } else if (s.presigned()) {
            // a presigned URL is made before the body is known: botocore and the SDKs sign UNSIGNED-PAYLOAD
            candidates = List.of(SigV4.UNSIGNED_PAYLOAD, bodySha256.get());
        } else {
            candidates = List.of(bodySha256.get());
        }
        Set<String> leftOut = s.presigned() ? PRESIGN_PARAMETER : Set.of();
        for (String payloadHash : candidates) {
            String expected = SigV4.signature(key.get().secret(), s.amzDate(), s.scope(), r, s.signedHeaders(), payloadHash, leftOut);
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), s.signature().getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw AuthException.invalid("The request signature we calculated does not match the signature you provided."
                + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }

    /** AWS's own words for a clock too far off, which clients and people recognise. */
    private void fresh(RequestSignature s) {
        Instant now = clock.instant();
        if (s.signedAt().isAfter(now.plus(SKEW))) {
            throw AuthException.invalid("Signature not yet current: " + s.amzDate() + " is still later than "
                    + SigV4.AMZ_DATE.format(now.plus(SKEW)) + " (" + SigV4.AMZ_DATE.format(now) + " + 15 min.)");
        }
        Instant expiry = s.expires().map(s.signedAt()::plus).orElse(s.signedAt().plus(SKEW));
        if (now.isAfter(expiry)) {
            throw AuthException.invalid(s.presigned()
                    ? "Signature expired: the presigned request was valid until " + SigV4.AMZ_DATE.format(expiry)
                            + " (X-Amz-Date " + s.amzDate() + " + X-Amz-Expires " + s.expires().get().toSeconds() + " s); it is now "
                            + SigV4.AMZ_DATE.format(now) + "."
                    : "Signature expired: " + s.amzDate() + " is now earlier than " + SigV4.AMZ_DATE.format(now.minus(SKEW))
                            + " (" + SigV4.AMZ_DATE.format(now) + " - 15 min.)");
        }
    }
}
