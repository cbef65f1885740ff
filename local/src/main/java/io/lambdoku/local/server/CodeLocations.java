package io.lambdoku.local.server;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GetFunction's Code.Location: where a client downloads a version's zip, without signing, as it
 * downloads Lambda's presigned S3 URLs. So the URL itself is the permission: it names one blob and an
 * expiry, with an HMAC of both under a secret this server draws at start, valid {@link #VALID} as on
 * Lambda. It is this server's own route at the scheme, host and port the server is bound to, never the
 * request's Host header, which a client or a proxy may set to anything. The one place that builds and
 * checks these URLs.
 */
final class CodeLocations {

    static final String PATH = "/lambdoku/code/";
    static final Duration VALID = Duration.ofMinutes(10);

    private final URI endpoint;
    private final byte[] secret;
    private final Clock clock;

    CodeLocations(URI endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
    }

    String of(String codeSha256) {
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(codeSha256));
        long expires = clock.instant().plus(VALID).getEpochSecond();
        return endpoint + PATH + hex + "?Expires=" + expires + "&Signature=" + mac(hex, expires);
    }

    /** Refuses a download whose URL this server did not hand out for that blob, or which has expired. */
    void check(String hex, Optional<String> expires, Optional<String> signature) {
        long until;
        try {
            until = Long.parseLong(expires.orElse(""));
        } catch (NumberFormatException e) {
            throw denied("This code URL carries no valid Expires; take Code.Location from GetFunction.");
        }
        byte[] expected = mac(hex, until).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.orElse("").getBytes(StandardCharsets.US_ASCII))) {
            throw denied("This code URL's Signature is not valid for this server and blob; take Code.Location from"
                    + " GetFunction (URLs from an earlier run of the server are void).");
        }
        if (clock.instant().getEpochSecond() > until) {
            throw denied("This code URL expired; Code.Location is valid for " + VALID.toMinutes()
                    + " minutes, call GetFunction again for a fresh one.");
        }
    }

    private String mac(String hex, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((hex + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static WireError.Raised denied(String message) {
        return new WireError.Raised(new WireError(403, "AccessDeniedException", message));
    }
}
