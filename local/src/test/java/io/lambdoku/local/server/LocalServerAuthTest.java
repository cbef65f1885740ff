package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.release.ReleaseScenarios;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.runtime.InvocationQueries;
import io.lambdoku.local.auth.SigV4Signer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who 'local serve' answers, with real requests over a socket. Every refused request changes nothing:
 * no function is created, none runs. The attacks are those of issue 11: an unsigned CreateFunction and
 * Invoke, a web page's text/plain POST, DNS rebinding.
 */
class LocalServerAuthTest {

    private static final String FUNCTIONS = "/2015-03-31/functions";

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalServer server;
    private SignedHttp http;

    private void start(Optional<AccessKey> key) {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        server = LocalServer.start(lambda, new ServeOptions("127.0.0.1", 0, Optional.empty(), key));
        http = new SignedHttp("127.0.0.1", server.address().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }

    @Test
    void anUnsignedCreateFunctionOrInvokeIsRefusedAndRunsNothing() {
        start(Optional.empty());
        SignedHttp.Response create = http.request("POST", FUNCTIONS).unsigned().json(newFunction("pwn")).send();
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.errorType()).contains("MissingAuthenticationTokenException");
        assertThat(create.json()).containsEntry("message", "Missing Authentication Token");
        assertThat(lambda.listFunctions()).isEmpty();

        assertThat(http.request("POST", FUNCTIONS).json(newFunction("runs")).send().status()).isEqualTo(201);
        SignedHttp.Response invoke = http.request("POST", FUNCTIONS + "/runs/invocations").unsigned().json(Map.of()).send();
        assertThat(invoke.status()).isEqualTo(403);
        assertThat(invoke.text()).doesNotContain("ran");
        assertThat(invocations("runs")).isZero();

        assertThat(http.request("POST", FUNCTIONS + "/runs/invocations").json(Map.of()).send().text()).isEqualTo("\"ran\"");
        assertThat(invocations("runs")).as("the signed control ran").isEqualTo(1);
    }

    @Test
    void onLoopbackAnyAccessKeyIsServedButOnlyFresh() {
        start(Optional.empty());
        SignedHttp.Response stale = http.request("POST", FUNCTIONS).json(newFunction("late"))
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20))).send();
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.errorType()).contains("InvalidSignatureException");
        assertThat(stale.json().get("message").toString()).startsWith("Signature expired: ");
        SignedHttp.Response future = http.request("GET", FUNCTIONS).clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20))).send();
        assertThat(future.errorType()).contains("InvalidSignatureException");
        SignedHttp.Response garbled = http.request("GET", FUNCTIONS).unsigned()
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=x").header("X-Amz-Date", "20260101T000000Z").send();
        assertThat(garbled.status()).isEqualTo(403);
        assertThat(garbled.errorType()).contains("IncompleteSignatureException");
        assertThat(lambda.listFunctions()).isEmpty();

        assertThat(http.request("POST", FUNCTIONS).signedWith(new AccessKey("anyone", "anything")).json(newFunction("ok"))
                .send().status()).isEqualTo(201);
    }

    @Test
    void whatWebPagesSendIsRefused() {
        start(Optional.empty());
        // the attack of issue 11: a page POSTs text/plain cross-site, which browsers send without asking
        SignedHttp.Response textPlain = http.request("POST", FUNCTIONS).json(newFunction("csrf"))
                .header("Content-Type", "text/plain;charset=UTF-8").header("Origin", "http://evil.example").send();
        assertThat(textPlain.status()).isEqualTo(403);
        assertThat(textPlain.errorType()).contains("AccessDeniedException");
        assertThat(textPlain.json().get("message").toString()).contains("Origin: http://evil.example");
        // each browser mark alone, even on a well-signed request
        for (String[] header : new String[][] {{"Origin", "http://evil.example"}, {"Origin", "null"}, {"Sec-Fetch-Site", "cross-site"}}) {
            SignedHttp.Response r = http.request("POST", FUNCTIONS).json(newFunction("csrf")).header(header[0], header[1]).send();
            assertThat(r.status()).as("%s: %s", header[0], header[1]).isEqualTo(403);
            assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        }
        // a page's form or text/plain POST, signed in its query as a page could sign it
        URI base = URI.create("http://127.0.0.1:" + server.address().getPort() + FUNCTIONS);
        URI presigned = new SigV4Signer(SignedHttp.ANY_KEY, "us-east-1", "lambda", Clock.systemUTC()).presign("POST", base, Duration.ofMinutes(5));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            SignedHttp.Response r = http.request("POST", presigned.getRawPath() + "?" + presigned.getRawQuery()).unsigned()
                    .json(newFunction("csrf")).header("Content-Type", type).send();
            assertThat(r.status()).as(type).isEqualTo(403);
            assertThat(r.json().get("message").toString()).contains("Content-Type " + type.split(";")[0]);
        }
        assertThat(lambda.listFunctions()).isEmpty();

        // no page sends an Authorization header unasked; the AWS SDK for Java over HttpURLConnection sends a
        // form content type with one when an Invoke has no payload
        assertThat(http.request("POST", FUNCTIONS).json(newFunction("sdk")).header("Content-Type", "application/x-www-form-urlencoded")
                .send().status()).isEqualTo(201);
    }

    @Test
    void aHostOtherThanLoopbackIsRefusedAgainstDnsRebinding() {
        start(Optional.empty());
        int port = server.address().getPort();
        SignedHttp.Response rebound = http.request("POST", FUNCTIONS).host("evil.example:" + port).json(newFunction("rebound")).send();
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.errorType()).contains("AccessDeniedException");
        assertThat(rebound.json().get("message").toString()).contains("Host 'evil.example:" + port + "'");
        assertThat(http.request("GET", FUNCTIONS).host("127.0.0.1:" + (port + 1)).send().status()).isEqualTo(403);
        assertThat(lambda.listFunctions()).isEmpty();

        assertThat(http.request("GET", FUNCTIONS).host("localhost:" + port).send().status()).isEqualTo(200);
        assertThat(http.request("GET", FUNCTIONS).host("[::1]:" + port).send().status()).isEqualTo(200);
    }

    @Test
    void withAnAccessKeyEverySignatureIsVerifiedWithItsSecret() {
        AccessKey key = new AccessKey("LKIATESTKEY", "the secret");
        start(Optional.of(key));
        SignedHttp.Response wrongSecret = http.request("POST", FUNCTIONS).signedWith(new AccessKey("LKIATESTKEY", "guessed"))
                .json(newFunction("guess")).send();
        assertThat(wrongSecret.status()).isEqualTo(403);
        assertThat(wrongSecret.errorType()).contains("InvalidSignatureException");
        SignedHttp.Response otherKey = http.request("POST", FUNCTIONS).json(newFunction("guess")).send();
        assertThat(otherKey.errorType()).contains("UnrecognizedClientException");
        assertThat(lambda.listFunctions()).isEmpty();

        // the body is signed: the same signature over another body is refused
        SignedHttp.Request signed = http.request("POST", FUNCTIONS).signedWith(key).json(newFunction("one"));
        Map<String, String> headers = signed.headers();
        SignedHttp.Request swapped = http.request("POST", FUNCTIONS).unsigned().json(newFunction("two"));
        headers.forEach(swapped::header);
        assertThat(swapped.send().errorType()).contains("InvalidSignatureException");
        assertThat(lambda.listFunctions()).isEmpty();

        assertThat(http.request("POST", FUNCTIONS).signedWith(key).json(newFunction("right")).send().status()).isEqualTo(201);
        assertThat(http.request("GET", FUNCTIONS + "/right").signedWith(key).header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .send().status()).as("UNSIGNED-PAYLOAD is honoured").isEqualTo(200);
        assertThat(lambda.listFunctions()).extracting(f -> f.name()).containsExactly("right");
    }

    @Test
    void aPresignedUrlIsServedUntilItExpires() {
        AccessKey key = new AccessKey("LKIATESTKEY", "the secret");
        start(Optional.of(key));
        java.net.URI base = java.net.URI.create("http://127.0.0.1:" + server.address().getPort() + FUNCTIONS + "?MaxItems=5");
        java.net.URI url = new io.lambdoku.local.auth.SigV4Signer(key, "us-east-1", "lambda", Clock.systemUTC())
                .presign("GET", base, Duration.ofMinutes(5));
        assertThat(http.request("GET", url.getRawPath() + "?" + url.getRawQuery()).unsigned().send().status()).isEqualTo(200);

        java.net.URI old = new io.lambdoku.local.auth.SigV4Signer(key, "us-east-1", "lambda",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))).presign("GET", base, Duration.ofMinutes(5));
        assertThat(http.request("GET", old.getRawPath() + "?" + old.getRawQuery()).unsigned().send().errorType())
                .contains("InvalidSignatureException");
        java.net.URI forged = new io.lambdoku.local.auth.SigV4Signer(new AccessKey("LKIATESTKEY", "guessed"), "us-east-1", "lambda",
                Clock.systemUTC()).presign("GET", base, Duration.ofMinutes(5));
        assertThat(http.request("GET", forged.getRawPath() + "?" + forged.getRawQuery()).unsigned().send().errorType())
                .contains("InvalidSignatureException");
    }

    @Test
    void theLogsApiIsPickedByTheSignedServiceAndRefusesInItsOwnShape() {
        start(Optional.empty());
        SignedHttp.Response unsigned = http.request("POST", "/").unsigned().service("logs")
                .header("X-Amz-Target", "Logs_20140328.DescribeLogGroups").header("Content-Type", "application/x-amz-json-1.1")
                .body("{}".getBytes()).send();
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.json()).containsEntry("__type", "MissingAuthenticationTokenException");

        SignedHttp.Response signed = http.request("POST", "/").service("logs")
                .header("X-Amz-Target", "Logs_20140328.DescribeLogGroups").header("Content-Type", "application/x-amz-json-1.1")
                .body("{}".getBytes()).send();
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json()).containsKey("logGroups");

        assertThat(http.request("GET", FUNCTIONS).service("kms").send().errorType()).contains("UnknownOperationException");
    }

    @Test
    void bindingBeyondLoopbackNeedsAnAccessKey() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        assertThatThrownBy(() -> LocalServer.start(lambda, new ServeOptions("0.0.0.0", 0, Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an access key");
    }

    private long invocations(String function) {
        server.invoker().flush(); // records are written behind the answer; a loaded machine showed 0 without this
        return new InvocationQueries(lambda).metrics(function, 0, Optional.empty()).stream().mapToLong(m -> m.invocations()).sum();
    }

    private static Map<String, Object> newFunction(String name) {
        byte[] zip = ReleaseScenarios.zipOf("app.py", "def handler(event, context):\n    return 'ran'\n").bytes();
        return Map.of("FunctionName", name, "Runtime", "python3.12", "Handler", "app.handler",
                "Role", "arn:aws:iam::000000000000:role/x", "Code", Map.of("ZipFile", Base64.getEncoder().encodeToString(zip)));
    }
}
