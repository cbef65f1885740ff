package io.lambdoku.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw Lambda REST calls, SigV4-signed as the SDKs sign them (service lambda, us-east-1, keys test/test),
 * so a server that checks signatures accepts them. Raw rather than through the SDK so that requests the
 * SDK would refuse client-side (bad patterns, 65-character names) still reach the server, as they
 * reached AWS in the recordings.
 */
final class SignedLambdaHttp {

    /** What a server answered: status, the error code from X-Amzn-ErrorType, the JSON body if any. */
    record Answer(int status, Optional<String> errorType, Object body, String text) {
    }

    // java.net.http sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    SignedLambdaHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Sends one call. {@code path} is unencoded ('/' separates segments); each segment is
     * percent-encoded as the SDKs do, so ARNs and $LATEST travel as %3A and %24.
     */
    Answer send(String method, String path, Map<String, List<String>> query, Optional<Object> jsonBody) {
        byte[] body = jsonBody.map(SignedLambdaHttp::json).orElse(new byte[0]);
        URI uri = URI.create(endpoint + encodePath(path) + encodeQuery(query));
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (jsonBody.isPresent()) {
            unsigned.putHeader("Content-Type", "application/json")
                    .contentStreamProvider(() -> new ByteArrayInputStream(body));
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "test"))
                .request(unsigned.build())
                .payload(RequestBody.fromBytes(body).contentStreamProvider())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.request().getUri())
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return exchange(request.build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            // AWS sends "Code" or "Code:http://internal.amazon.com/..." in this header; the SDKs keep the part before ':'.
            Optional<String> type = r.headers().firstValue("X-Amzn-ErrorType").map(t -> t.split(":", 2)[0]);
            Object body = r.body().isBlank() ? null : parse(r.body());
            if (type.isEmpty() && body instanceof Map<?, ?> m && m.get("__type") instanceof String t) {
                type = Optional.of(t.substring(t.lastIndexOf('#') + 1));
            }
            return new Answer(r.statusCode(), type, body, r.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(String text) {
        try {
            return JSON.std.anyFrom(text);
        } catch (IOException notJson) {
            return text;
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.std.asBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                out.append('/').append(encode(segment));
            }
        }
        return out.toString();
    }

    private static String encodeQuery(Map<String, List<String>> query) {
        StringBuilder out = new StringBuilder();
        query.forEach((name, values) -> values.forEach(v ->
                out.append(out.length() == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(v))));
        return out.toString();
    }

    /** RFC 3986: unreserved characters stay, every other byte becomes %XX (what SigV4 canonicalizes to). */
    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
