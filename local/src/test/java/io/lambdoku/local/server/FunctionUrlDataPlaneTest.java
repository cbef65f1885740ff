package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.Cors;
import io.lambdoku.core.lambda.FunctionUrl;
import io.lambdoku.core.lambda.FunctionUrlSpec;
import io.lambdoku.core.lambda.UrlAuth;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.UrlHosts;
import io.lambdoku.local.auth.AccessKey;
import io.lambdoku.local.runtime.InvocationQueries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function URLs served by a real LocalServer to real HTTP, running a real Python function: the payload 2.0 event it
 * gets, and how its answers become HTTP responses (AWS's "Lambda function URL request and response payloads").
 */
class FunctionUrlDataPlaneTest {

    /** Answers by rawPath: each case one of Lambda's mappings; anything else echoes the event. */
    private static final String APP = """
            import base64, json
            def handler(event, context):
                path = event['rawPath']
                if path == '/made':
                    return {'statusCode': 201, 'headers': {'Content-Type': 'text/plain', 'X-One': '1'},
                            'cookies': ['a=1; Path=/', 'b=2'], 'body': 'made'}
                if path == '/binary':
                    return {'statusCode': 200, 'headers': {'Content-Type': 'image/png'}, 'isBase64Encoded': True,
                            'body': base64.b64encode(bytes([0, 1, 2, 255])).decode()}
                if path == '/missing':
                    return {'statusCode': 404, 'body': 'nope'}
                if path == '/broken':
                    return {'statusCode': 500, 'body': 'broken'}
                if path == '/plain':
                    return {'hello': 'world'}
                if path == '/string':
                    return 'just text'
                if path == '/fail':
                    raise Exception('boom')
                return {'statusCode': 200, 'headers': {'Content-Type': 'application/json', 'X-Version': context.function_version},
                        'body': json.dumps(event)}
            """;

    @TempDir
    Path home;

    private ServedStore served;
    private LocalLambda lambda;
    private SignedHttp http;

    @BeforeEach
    void start() {
        served = new ServedStore(home);
        lambda = served.lambda;
        http = served.http;
        served.python("web", APP);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private String host(FunctionUrl url) {
        return UrlHosts.urlId(url.url()) + ".lambda-url.us-east-1.localhost:" + served.port();
    }

    private SignedHttp.Request to(FunctionUrl url, String method, String pathAndQuery) {
        return http.request(method, pathAndQuery).host(host(url)).unsigned();
    }

    private FunctionUrl publicUrl() {
        return lambda.createFunctionUrl("web", Optional.empty(), new FunctionUrlSpec(UrlAuth.NONE, Optional.empty()));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theEventCarriesMethodPathQueryHeadersCookiesAndTextBody() {
        FunctionUrl url = publicUrl();
        SignedHttp.Response r = to(url, "POST", "/a/b%20c?x=1&x=2&y=hi")
                .header("Content-Type", "application/json").header("Cookie", "s=1; t=2")
                .header("User-Agent", "curl/8").header("X-Two", "2").body("{\"k\":1}".getBytes(StandardCharsets.UTF_8)).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers()).containsEntry("x-version", "$LATEST");
        Map<String, Object> event = r.json();
        assertThat(event).containsEntry("version", "2.0").containsEntry("routeKey", "$default")
                .containsEntry("rawPath", "/a/b%20c").containsEntry("rawQueryString", "x=1&x=2&y=hi")
                .containsEntry("cookies", List.of("s=1", "t=2")).containsEntry("body", "{\"k\":1}")
                .containsEntry("isBase64Encoded", false)
                .containsEntry("queryStringParameters", Map.of("x", "1,2", "y", "hi"));
        Map<String, Object> headers = (Map<String, Object>) event.get("headers");
        assertThat(headers).containsEntry("x-two", "2").containsEntry("content-type", "application/json")
                .containsEntry("host", host(url)).doesNotContainKeys("cookie", "content-length")
                .containsEntry("x-forwarded-proto", "http").containsKey("x-amzn-trace-id");
        Map<String, Object> context = (Map<String, Object>) event.get("requestContext");
        String id = UrlHosts.urlId(url.url());
        assertThat(context).containsEntry("apiId", id).containsEntry("domainPrefix", id)
                .containsEntry("domainName", id + ".lambda-url.us-east-1.localhost").containsEntry("stage", "$default")
                .containsEntry("routeKey", "$default").containsEntry("accountId", "anonymous")
                .containsKeys("requestId", "time", "timeEpoch");
        assertThat((Map<String, Object>) context.get("http")).containsEntry("method", "POST").containsEntry("path", "/a/b%20c")
                .containsEntry("protocol", "HTTP/1.1").containsEntry("sourceIp", "127.0.0.1").containsEntry("userAgent", "curl/8");
    }

    @Test
    void aBinaryBodyArrivesBase64AndAnEmptyOneNotAtAll() {
        FunctionUrl url = publicUrl();
        Map<String, Object> binary = to(url, "PUT", "/up").header("Content-Type", "application/octet-stream")
                .body(new byte[] {0, 1, 2, (byte) 255}).send().json();
        assertThat(binary).containsEntry("isBase64Encoded", true).containsEntry("body", "AAEC/w==");

        Map<String, Object> form = to(url, "POST", "/form").header("Content-Type", "application/x-www-form-urlencoded")
                .body("a=1".getBytes(StandardCharsets.UTF_8)).send().json();
        assertThat(form).containsEntry("isBase64Encoded", true).containsEntry("body", "YT0x");

        Map<String, Object> empty = to(url, "GET", "/").send().json();
        assertThat(empty).doesNotContainKeys("body", "cookies", "queryStringParameters")
                .containsEntry("isBase64Encoded", false).containsEntry("rawQueryString", "");
    }

    @Test
    void answersAreMappedAsLambdaMapsThem() {
        FunctionUrl url = publicUrl();
        SignedHttp.Response made = to(url, "GET", "/made").send();
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.text()).isEqualTo("made");
        assertThat(made.headers()).containsEntry("content-type", "text/plain").containsEntry("x-one", "1");

        SignedHttp.Response binary = to(url, "GET", "/binary").send();
        assertThat(binary.body()).containsExactly(0, 1, 2, 255);
        assertThat(binary.headers()).containsEntry("content-type", "image/png");

        assertThat(to(url, "GET", "/missing").send().status()).isEqualTo(404);
        assertThat(to(url, "GET", "/broken").send().status()).isEqualTo(500);

        SignedHttp.Response plain = to(url, "GET", "/plain").send();
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers()).containsEntry("content-type", "application/json");
        assertThat(plain.json()).isEqualTo(Map.of("hello", "world"));

        SignedHttp.Response string = to(url, "GET", "/string").send();
        assertThat(string.status()).isEqualTo(200);
        assertThat(string.text()).isEqualTo("just text");
    }

    @Test
    void everyCookieIsASetCookieHeaderOfItsOwn() throws Exception {
        FunctionUrl url = publicUrl();
        String raw = RawHttp.exchange("127.0.0.1", served.port(), "GET /made HTTP/1.1\r\nHost: " + host(url)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(raw).contains("Set-cookie: a=1; Path=/\r\n").contains("Set-cookie: b=2\r\n");
    }

    @Test
    void aFunctionErrorIsA502AndThrottlingA429() {
        FunctionUrl url = publicUrl();
        SignedHttp.Response failed = to(url, "GET", "/fail").send();
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.text()).isEqualTo("Internal Server Error");

        lambda.putReservedConcurrency("web", Optional.of(0));
        SignedHttp.Response throttled = to(url, "GET", "/").send();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json()).containsEntry("Message", "Rate Exceeded.");
    }

    @Test
    void anUnknownUrlIsForbiddenAsOnLambda() {
        SignedHttp.Response r = http.request("GET", "/").host("abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.localhost:"
                + served.port()).unsigned().send();
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorType()).contains("AccessDeniedException");
        assertThat(http.request("GET", "/lambda-url/ghost/").unsigned().send().status()).isEqualTo(403);
    }

    @Test
    void anAwsIamUrlRefusesUnsignedRequestsAndServesSignedOnes() {
        FunctionUrl url = lambda.createFunctionUrl("web", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));
        SignedHttp.Response unsigned = to(url, "GET", "/").send();
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.json()).containsEntry("Message", "Forbidden");

        SignedHttp.Response signed = http.request("GET", "/").host(host(url)).signedWith(new AccessKey("AKIDCALLER", "s")).send();
        assertThat(signed.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) signed.json().get("requestContext");
        assertThat(context).containsEntry("accountId", LocalOptions.ACCOUNT).containsKey("authorizer");
    }

    @Test
    void aServerWithAnAccessKeyVerifiesAwsIamSignaturesWithIt() {
        AccessKey key = new AccessKey("AKIDSERVER", "server-secret");
        try (LocalServer keyed = LocalServer.start(lambda, new ServeOptions("127.0.0.1", 0, Optional.empty(), Optional.of(key)))) {
            FunctionUrl url = lambda.createFunctionUrl("web", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));
            SignedHttp keyedHttp = new SignedHttp("127.0.0.1", keyed.address().getPort());
            String host = UrlHosts.urlId(url.url()) + ".lambda-url.us-east-1.localhost:" + keyed.address().getPort();
            assertThat(keyedHttp.request("GET", "/").host(host).signedWith(new AccessKey("AKIDSERVER", "wrong")).send().status())
                    .isEqualTo(403);
            assertThat(keyedHttp.request("GET", "/").host(host).signedWith(key).send().status()).isEqualTo(200);
        }
    }

    @Test
    void corsPreflightsAreAnsweredFromTheCorsBlockAndAnswersCarryItsHeaders() {
        Cors cors = new Cors(false, List.of("content-type"), List.of("GET", "POST"), List.of("https://shop.example"),
                List.of("x-one"), Optional.of(600));
        FunctionUrl url = lambda.createFunctionUrl("web", Optional.empty(), new FunctionUrlSpec(UrlAuth.NONE, Optional.of(cors)));
        SignedHttp.Response preflight = to(url, "OPTIONS", "/made").header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST").send();
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers()).containsEntry("access-control-allow-origin", "https://shop.example")
                .containsEntry("access-control-allow-methods", "GET,POST").containsEntry("access-control-allow-headers", "content-type")
                .containsEntry("access-control-max-age", "600");

        SignedHttp.Response allowed = to(url, "GET", "/made").header("Origin", "https://shop.example").send();
        assertThat(allowed.headers()).containsEntry("access-control-allow-origin", "https://shop.example")
                .containsEntry("access-control-expose-headers", "x-one");
        SignedHttp.Response other = to(url, "GET", "/made").header("Origin", "https://evil.example").send();
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.headers()).doesNotContainKey("access-control-allow-origin");
    }

    @Test
    void aUrlOnAnAliasRunsTheAliasVersionInBothForms() {
        lambda.createAlias("web", new AliasSpec("live", "1", Optional.empty(), ""));
        FunctionUrl latest = publicUrl();
        lambda.updateFunctionConfiguration("web", ServedStore.settings(Map.of("STAGE", "next")), Optional.empty(), Optional.empty());
        lambda.publishVersion("web", "v2", Optional.empty(), Optional.empty());
        FunctionUrl live = lambda.createFunctionUrl("web", Optional.of("live"), new FunctionUrlSpec(UrlAuth.NONE, Optional.empty()));

        assertThat(to(live, "GET", "/").send().headers()).containsEntry("x-version", "1");
        assertThat(to(latest, "GET", "/").send().headers()).containsEntry("x-version", "$LATEST");

        SignedHttp.Response aliasPath = http.request("GET", "/lambda-url/web/live/deep/path?q=1").unsigned().send();
        assertThat(aliasPath.headers()).containsEntry("x-version", "1");
        assertThat(aliasPath.json()).containsEntry("rawPath", "/deep/path").containsEntry("rawQueryString", "q=1");
        SignedHttp.Response latestPath = http.request("GET", "/lambda-url/web/other").unsigned().send();
        assertThat(latestPath.headers()).containsEntry("x-version", "$LATEST");
        assertThat(latestPath.json()).containsEntry("rawPath", "/other");
    }

    /** A keyless loopback server checks a signature's form only: a page could forge one, so browsers are refused. */
    @Test
    void anAwsIamUrlRefusesBrowsersForgingASignatureOnAKeylessServer() {
        served.python("mark", "def handler(e, c):\n    return 'ran'\n");
        FunctionUrl url = lambda.createFunctionUrl("mark", Optional.empty(), new FunctionUrlSpec(UrlAuth.AWS_IAM, Optional.empty()));
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.now());
        String forged = "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDPAGE%2F" + day + "%2Fus-east-1%2Flambda%2Faws4_request"
                + "&X-Amz-Date=" + stamp + "&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "ab".repeat(32);

        SignedHttp.Response fromPage = to(url, "POST", forged).header("Origin", "https://evil.example")
                .header("Content-Type", "text/plain").body("x".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(fromPage.status()).isEqualTo(403);
        assertThat(fromPage.errorType()).contains("AccessDeniedException");
        SignedHttp.Response crossSite = to(url, "GET", forged).header("Sec-Fetch-Site", "cross-site").send();
        assertThat(crossSite.status()).isEqualTo(403);
        SignedHttp.Response pathForm = http.request("GET", "/lambda-url/mark" + forged).unsigned()
                .header("Sec-Fetch-Site", "same-origin").send();
        assertThat(pathForm.status()).isEqualTo(403);
        SignedHttp.Response headerFromPage = http.request("GET", "/").host(host(url)).signedWith(new AccessKey("AKIDPAGE", "any"))
                .header("Origin", "https://evil.example").send();
        assertThat(headerFromPage.status()).isEqualTo(403);
        assertThat(invocations("mark")).as("no forged request ran the function").isZero();

        SignedHttp.Response signed = http.request("GET", "/").host(host(url)).signedWith(new AccessKey("AKIDCALLER", "s")).send();
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.text()).isEqualTo("ran");
        assertThat(invocations("mark")).isEqualTo(1);
    }

    private long invocations(String function) {
        served.server.invoker().flush(); // records are written behind the answer
        return new InvocationQueries(lambda).metrics(function, 0, Optional.empty()).stream().mapToLong(m -> m.invocations()).sum();
    }

    /** The path form shares local serve's origin with the dashboard: its session stays out, the answer is sandboxed. */
    @Test
    void thePathFormKeepsTheDashboardsSessionAndOriginFromTheFunction() {
        FunctionUrl url = publicUrl();
        SignedHttp.Response path = http.request("GET", "/lambda-url/web/echo").unsigned()
                .header("Cookie", "lambdoku-dashboard-" + served.port() + "=live-session; s=1").send();
        assertThat(path.status()).isEqualTo(200);
        assertThat(path.text()).doesNotContain("live-session");
        assertThat(path.json()).containsEntry("cookies", List.of("s=1"));
        assertThat(path.headers()).containsEntry("content-security-policy", "sandbox allow-scripts allow-forms allow-popups");

        SignedHttp.Response hostForm = to(url, "GET", "/echo").header("Cookie", "lambdoku-dashboard-9001=live-session").send();
        assertThat(hostForm.text()).doesNotContain("live-session");
        assertThat(hostForm.json()).doesNotContainKey("cookies");
        assertThat(hostForm.headers()).doesNotContainKey("content-security-policy"); // an origin of its own
    }
}
