package io.lambdoku.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SigV4 as AWS documents it and as botocore (the AWS CLI's signer) computes it: the signatures below
 * were made by AWS's documentation and by botocore 1.43, not by the code under test.
 */
class SignatureCheckTest {

    private static final AccessKey EXAMPLE = new AccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Instant BOTOCORE_TIME = Instant.parse("2026-11-23T09:25:35Z");

    /** botocore's SigV4Auth over a Lambda Invoke: a percent-encoded ARN in the path, $LATEST in the query. */
    private static final SignableRequest BOTOCORE_INVOKE = new SignableRequest("POST",
            "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Af/invocations",
            "Qualifier=%24LATEST", Map.of(
                    "Host", List.of("127.0.0.1:9001"),
                    "Content-Type", List.of("application/json"),
                    "X-Amz-Invocation-Type", List.of("RequestResponse"),
                    "X-Amz-Date", List.of("20261123T092535Z"),
                    "User-Agent", List.of("aws-cli/1.45.11"),
                    "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/us-east-1/lambda/aws4_request,"
                            + " SignedHeaders=content-type;host;x-amz-date;x-amz-invocation-type,"
                            + " Signature=44645079b8fac357bea35c66d904def7527bc45be8a95725af9a2af08b9f49d3")));
    private static final byte[] INVOKE_BODY = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);

    /** botocore's SigV4QueryAuth: a presigned URL, expiring after 300 s. */
    private static final SignableRequest BOTOCORE_PRESIGNED = SignableRequest.of("GET", URI.create(
            "http://localhost:9001/2015-03-31/functions/f/aliases?Marker=a%2Fb&MaxItems=5&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                    + "&X-Amz-Credential=AKIDEXAMPLE%2F20261123%2Fus-east-1%2Flambda%2Faws4_request&X-Amz-Date=20261123T092535Z"
                    + "&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=561a0275adb614218e3c2a8cc693f52d0e6fb78d83e1e025266d9cdcde051297"),
            Map.of("Host", List.of("localhost:9001")));

    @Test
    void theDocumentedGetVanillaExampleSignsAsAwsSays() {
        SignableRequest r = new SignableRequest("GET", "/", "", Map.of("host", List.of("example.amazonaws.com"),
                "x-amz-date", List.of("20150830T123600Z")));
        assertThat(SigV4.signature(EXAMPLE.secret(), "20150830T123600Z", new CredentialScope("20150830", "us-east-1", "service"),
                r, List.of("host", "x-amz-date"), SigV4.sha256Hex(new byte[0]), Set.of()))
                .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void aBotocoreSignatureVerifiesWithTheRightSecretOnly() {
        check(EXAMPLE, BOTOCORE_TIME).verify(BOTOCORE_INVOKE, check(EXAMPLE, BOTOCORE_TIME).admit(BOTOCORE_INVOKE),
                () -> SigV4.sha256Hex(INVOKE_BODY));

        SignatureCheck wrongSecret = check(new AccessKey("AKIDEXAMPLE", "not the secret"), BOTOCORE_TIME);
        assertThatThrownBy(() -> wrongSecret.verify(BOTOCORE_INVOKE, wrongSecret.admit(BOTOCORE_INVOKE),
                () -> SigV4.sha256Hex(INVOKE_BODY)))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("The request signature we calculated does not match");
        assertThatThrownBy(() -> check(EXAMPLE, BOTOCORE_TIME).verify(BOTOCORE_INVOKE,
                check(EXAMPLE, BOTOCORE_TIME).admit(BOTOCORE_INVOKE), () -> SigV4.sha256Hex("{\"a\": 2}".getBytes(StandardCharsets.UTF_8))))
                .as("another body than the one signed").isInstanceOf(AuthException.class);
    }

    @Test
    void aBotocorePresignedUrlVerifiesUntilItExpires() {
        SignatureCheck atTime = check(EXAMPLE, BOTOCORE_TIME.plusSeconds(299));
        atTime.verify(BOTOCORE_PRESIGNED, atTime.admit(BOTOCORE_PRESIGNED), () -> SigV4.sha256Hex(new byte[0]));

        assertThatThrownBy(() -> check(EXAMPLE, BOTOCORE_TIME.plusSeconds(301)).admit(BOTOCORE_PRESIGNED))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.type()).isEqualTo("InvalidSignatureException"))
                .hasMessageStartingWith("Signature expired");
    }

    @Test
    void withoutAKeyAnyAccessKeyIsAdmittedButOnlyFreshAndWellFormed() {
        SignatureCheck anyKey = new SignatureCheck(Optional.empty(), Clock.fixed(BOTOCORE_TIME, ZoneOffset.UTC));
        assertThat(anyKey.admit(BOTOCORE_INVOKE).scope()).isEqualTo(new CredentialScope("20261123", "us-east-1", "lambda"));

        SignatureCheck twentyMinutesOn = new SignatureCheck(Optional.empty(),
                Clock.fixed(BOTOCORE_TIME.plus(Duration.ofMinutes(20)), ZoneOffset.UTC));
        assertThatThrownBy(() -> twentyMinutesOn.admit(BOTOCORE_INVOKE)).hasMessage("Signature expired: 20261123T092535Z is now"
                + " earlier than 20261123T093035Z (20261123T094535Z - 15 min.)");
        SignatureCheck twentyMinutesBefore = new SignatureCheck(Optional.empty(),
                Clock.fixed(BOTOCORE_TIME.minus(Duration.ofMinutes(20)), ZoneOffset.UTC));
        assertThatThrownBy(() -> twentyMinutesBefore.admit(BOTOCORE_INVOKE)).hasMessageStartingWith("Signature not yet current");

        assertThatThrownBy(() -> anyKey.admit(new SignableRequest("GET", "/", "", Map.of("Host", List.of("h")))))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.type()).isEqualTo("MissingAuthenticationTokenException"));
        assertThatThrownBy(() -> anyKey.admit(new SignableRequest("GET", "/", "", Map.of("Host", List.of("h"),
                "X-Amz-Date", List.of("20261123T092535Z"), "Authorization", List.of("AWS4-HMAC-SHA256 Credential=x/20261123/us-east-1/lambda/aws4_request")))))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.type()).isEqualTo("IncompleteSignatureException"))
                .hasMessageContaining("requires 'SignedHeaders'").hasMessageContaining("requires 'Signature'");
    }

    @Test
    void anUnknownAccessKeyIsUnrecognized() {
        assertThatThrownBy(() -> check(new AccessKey("SOMEONEELSE", "x"), BOTOCORE_TIME).admit(BOTOCORE_INVOKE))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.type()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void whatLambdokusSignerSignsVerifies() {
        Clock clock = Clock.fixed(BOTOCORE_TIME, ZoneOffset.UTC);
        URI uri = URI.create("http://[::1]:9001/2015-03-31/functions/my%3Afn/invocations?Qualifier=%24LATEST&a=b+c");
        Map<String, String> added = new SigV4Signer(EXAMPLE, "eu-west-1", "lambda", clock)
                .sign("POST", uri, Map.of("Content-Type", "application/json"), INVOKE_BODY);
        Map<String, List<String>> headers = new java.util.HashMap<>(Map.of("Host", List.of("[::1]:9001"),
                "Content-Type", List.of("application/json")));
        added.forEach((k, v) -> headers.put(k, List.of(v)));
        SignableRequest sent = SignableRequest.of("POST", uri, headers);
        check(EXAMPLE, BOTOCORE_TIME).verify(sent, check(EXAMPLE, BOTOCORE_TIME).admit(sent), () -> SigV4.sha256Hex(INVOKE_BODY));

        URI presigned = new SigV4Signer(EXAMPLE, "us-east-1", "lambda", clock).presign("POST", uri, Duration.ofMinutes(5));
        SignableRequest p = SignableRequest.of("POST", presigned, Map.of("Host", List.of("[::1]:9001")));
        check(EXAMPLE, BOTOCORE_TIME).verify(p, check(EXAMPLE, BOTOCORE_TIME).admit(p), () -> SigV4.sha256Hex(INVOKE_BODY));
    }

    @Test
    void thePathIsEncodedOnceMoreAndTheQuerySortedAndEncodedStrictly() {
        assertThat(SigV4.canonicalUri("/2015-03-31/functions/arn%3Aaws/x/")).isEqualTo("/2015-03-31/functions/arn%253Aaws/x/");
        assertThat(SigV4.canonicalUri("")).isEqualTo("/");
        assertThat(SigV4.canonicalUri("/a//./b/../c")).isEqualTo("/a/c");
        assertThat(SigV4.canonicalQuery("b=2&a=%24LATEST&a=1&c", Set.of())).isEqualTo("a=%24LATEST&a=1&b=2&c=");
        assertThat(SigV4.canonicalQuery("q=a+b:c", Set.of())).isEqualTo("q=a%2Bb%3Ac");
    }

    private static SignatureCheck check(AccessKey key, Instant now) {
        return new SignatureCheck(Optional.of(key), Clock.fixed(now, ZoneOffset.UTC));
    }
}
