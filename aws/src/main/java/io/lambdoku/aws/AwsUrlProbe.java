package io.lambdoku.aws;

import io.lambdoku.aws.AwsOptions.Service;
import io.lambdoku.core.formation.UrlProbe;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.UrlAuth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Whether a function URL answers, as a user's GET would: signed with SigV4 (service lambda, this session's
 * credentials and region) when its auth is AWS_IAM. Any answer from the function counts, its own 404 too; what
 * Lambda answers in its place does not: 403 (the policy or the signature refused), 429 (throttled), 5xx (the
 * function failed). With an endpoint override (moto, LocalStack) Lambda gives out addresses it does not serve,
 * so an unreachable host is reported as that, not as a broken app.
 */
final class AwsUrlProbe implements UrlProbe {

    private static final Duration CONNECT = Duration.ofSeconds(5);
    /** A cold start of a big function can take seconds; a probe that waits longer holds the reactor up. */
    private static final Duration ANSWER = Duration.ofSeconds(20);
    // java.net.http sets these itself and refuses them from callers
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private final AwsClients clients;
    private final HttpClient http;

    AwsUrlProbe(AwsClients clients) {
        this.clients = clients;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<String> problem(FunctionUrl url) {
        URI uri = URI.create(url.url());
        try {
            HttpResponse<Void> answer = http.send(request(uri, url.auth()), HttpResponse.BodyHandlers.discarding());
            return refusal(url, answer.statusCode());
        } catch (HttpTimeoutException e) {
            return Optional.of("GET " + uri + " got no answer within " + ANSWER.toSeconds() + " s.");
        } catch (IOException e) {
            return Optional.of(unreachable(uri, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("GET " + uri + " was interrupted.");
        }
    }

    private static Optional<String> refusal(FunctionUrl url, int status) {
        String get = "GET " + url.url() + " answered HTTP " + status;
        if (status == 403) {
            return Optional.of(get + " Forbidden: " + (url.auth() == UrlAuth.NONE
                    ? "the function's resource-based policy does not let the public call it."
                    : "these credentials may not call it (lambda:InvokeFunctionUrl and lambda:InvokeFunction), or the signature was refused."));
        }
        if (status == 429) {
            return Optional.of(get + ": throttled (is its reserved concurrency 0?).");
        }
        if (status >= 500) {
            return Optional.of(get + ": the function failed or is not ready.");
        }
        return Optional.empty();
    }

    private String unreachable(URI uri, IOException e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        Optional<URI> override = clients.options().endpointFor(Service.LAMBDA);
        if (override.isPresent()) {
            return "GET " + uri + " failed (" + why + "): " + override.get() + " (an endpoint override, not AWS) gave out this"
                    + " address but does not serve it, so whether the app answers cannot be checked from here.";
        }
        return "GET " + uri + " failed: " + why + ".";
    }

    private HttpRequest request(URI uri, UrlAuth auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(ANSWER).GET();
        if (auth == UrlAuth.AWS_IAM) {
            signed(uri).headers().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase())) {
                    values.forEach(v -> b.header(name, v));
                }
            });
        }
        return b.build();
    }

    /** SigV4 as the SDKs sign a URL call: service lambda, the region of this session, an empty payload. */
    private SdkHttpRequest signed(URI uri) {
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(clients.credentialsProvider().resolveCredentials())
                .request(unsigned)
                .payload(() -> new ByteArrayInputStream(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, clients.region().id())).request();
    }
}
