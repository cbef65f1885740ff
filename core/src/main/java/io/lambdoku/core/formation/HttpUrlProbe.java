package io.lambdoku.core.formation;

import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.UrlAuth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Probes a NONE function URL with a plain GET of its root. The function answered when the status is one
 * Lambda's front door does not make itself: 403 (auth refused), 429 (throttled), 502 (the function failed or
 * answered nonsense) and 503/504 mean it did not; any other status is the function's own answer. An
 * AWS_IAM URL needs a signed request, which this probe cannot make: it says so instead of guessing.
 */
public final class HttpUrlProbe implements UrlProbe {

    private static final Set<Integer> FRONT_DOOR = Set.of(403, 429, 502, 503, 504);

    private final HttpClient client;
    private final Duration timeout;

    public HttpUrlProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpUrlProbe() {
        this(Duration.ofSeconds(10));
    }

    @Override
    public Optional<String> problem(FunctionUrl url) {
        if (url.auth() == UrlAuth.AWS_IAM) {
            return Optional.of("URL " + url.url() + " requires SigV4 (AWS_IAM), which this probe does not sign.");
        }
        HttpRequest request = HttpRequest.newBuilder(reachable(url)).timeout(timeout).GET()
                .header("User-Agent", "lambdoku-reactor").build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return FRONT_DOOR.contains(status)
                    ? Optional.of("GET " + url.url() + " answered " + status + ", not the function's answer.")
                    : Optional.empty();
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of("GET " + url.url() + " failed: " + why + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("GET " + url.url() + " was interrupted.");
        } catch (IllegalArgumentException e) {
            return Optional.of("URL " + url.url() + " is not one this probe can request: " + e.getMessage() + ".");
        }
    }

    /**
     * {@code probe} asked about the loopback form of a local URL (see {@link #reachable}): the aws backend against
     * 'local serve' gets {@code *.localhost} URLs, which its probe would otherwise fail to resolve.
     */
    public static UrlProbe viaLoopback(UrlProbe probe) {
        return url -> {
            URI to = reachable(url);
            return probe.problem(to.toString().equals(url.url()) ? url : new FunctionUrl(url.function(), url.qualifier(),
                    to.toString(), url.functionArn(), url.auth(), url.cors(), url.creationTime(), url.lastModifiedTime()));
        };
    }

    /**
     * Where to send the GET: a local URL's host {@code <id>.lambda-url.<region>.localhost} is loopback for curl and
     * browsers, but Java asks the system resolver, which may not know it; local serve answers the same URL at
     * {@code http://127.0.0.1:<port>/lambda-url/<name>[/<alias>]/} too, so that one is asked instead.
     */
    public static URI reachable(FunctionUrl url) {
        URI uri = URI.create(url.url());
        if (uri.getHost() == null || !uri.getHost().endsWith(".localhost")) {
            return uri;
        }
        String path = "/lambda-url/" + url.function() + url.qualifier().map(q -> "/" + q).orElse("") + "/";
        return URI.create(uri.getScheme() + "://127.0.0.1" + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
    }
}
