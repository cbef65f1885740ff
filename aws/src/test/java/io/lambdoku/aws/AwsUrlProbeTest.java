package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.UrlAuth;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a real HTTP server on loopback standing where a function URL would answer. */
class AwsUrlProbeTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    private AwsClients clients;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.putAll(exchange.getRequestHeaders());
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        clients = new AwsClients(options(Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clients.close();
    }

    @Test
    void publicUrlThatAnswersIsNoProblemAndIsNotSigned() {
        assertThat(new AwsUrlProbe(clients).problem(url(UrlAuth.NONE))).isEmpty();
        assertThat(seen).doesNotContainKey("Authorization");
    }

    @Test
    void iamUrlIsCalledSignedForLambdaInTheSessionsRegion() {
        assertThat(new AwsUrlProbe(clients).problem(url(UrlAuth.AWS_IAM))).isEmpty();
        assertThat(seen.get("Authorization")).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=probe-key/").contains("/eu-west-1/lambda/aws4_request");
    }

    @Test
    void theFunctionsOwnNotFoundIsAnAnswer() {
        status.set(404);
        assertThat(new AwsUrlProbe(clients).problem(url(UrlAuth.NONE))).isEmpty();
    }

    @Test
    void forbiddenPublicUrlNamesThePolicy() {
        status.set(403);
        assertThat(new AwsUrlProbe(clients).problem(url(UrlAuth.NONE))).hasValueSatisfying(p -> assertThat(p)
                .isEqualTo("GET " + url(UrlAuth.NONE).url() + " answered HTTP 403 Forbidden: the function's resource-based"
                        + " policy does not let the public call it."));
    }

    @Test
    void failingFunctionIsAProblem() {
        status.set(502);
        assertThat(new AwsUrlProbe(clients).problem(url(UrlAuth.NONE))).hasValueSatisfying(p -> assertThat(p)
                .contains("answered HTTP 502"));
    }

    @Test
    void unreachableUrlWithoutAnOverrideSaysWhy() {
        server.stop(0);
        assertThat(new AwsUrlProbe(clients).problem(url(UrlAuth.NONE))).hasValueSatisfying(p -> assertThat(p)
                .startsWith("GET " + url(UrlAuth.NONE).url() + " failed").doesNotContain("endpoint override"));
    }

    @Test
    void unreachableUrlBehindAnEndpointOverrideSaysItCannotBeChecked() {
        server.stop(0);
        try (AwsClients overridden = new AwsClients(options(Optional.of(URI.create("http://127.0.0.1:4566"))))) {
            assertThat(new AwsUrlProbe(overridden).problem(url(UrlAuth.NONE))).hasValueSatisfying(p -> assertThat(p)
                    .contains("http://127.0.0.1:4566 (an endpoint override, not AWS) gave out this address but does not serve it"));
        }
    }

    private FunctionUrl url(UrlAuth auth) {
        return new FunctionUrl("shop", Optional.empty(), "http://127.0.0.1:" + server.getAddress().getPort() + "/",
                "arn:aws:lambda:eu-west-1:123456789012:function:shop", auth, Optional.empty(), "", "");
    }

    private static AwsOptions options(Optional<URI> endpoint) {
        return new AwsOptions(Optional.of("eu-west-1"), Optional.empty(), endpoint, Optional.empty(),
                Optional.of(new AwsOptions.StaticKeys("probe-key", "probe-secret", Optional.empty())));
    }
}
