package io.lambdoku.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for SDK clients under test: it keeps every request exactly as the SDK marshalled and
 * signed it, and answers from a queue (an empty CBOR object {@code {}} when the queue is empty), with no
 * network. Unlike an ExecutionInterceptor, which could only stop a request by throwing, it lets a recorded
 * answer go through the SDK's own unmarshaller.
 */
final class CannedHttp implements SdkHttpClient {

    /** One request as it would have gone on the wire. */
    record Sent(SdkHttpRequest request, byte[] body) {

        /** The operation of a Smithy RPC v2 call: the last segment of /service/NAME/operation/OP. */
        String operation() {
            String path = request.encodedPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        Optional<String> header(String name) {
            return request.firstMatchingHeader(name);
        }
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    /** Answers the next request with this RPC v2 CBOR body. */
    CannedHttp answer(byte[] cbor) {
        answers.add(new Answer(200, Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), cbor));
        return this;
    }

    CannedHttp answer(int status, Map<String, String> headers, byte[] cbor) {
        answers.add(new Answer(status, headers, cbor));
        return this;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                sent.add(new Sent(request.httpRequest(), request.contentStreamProvider().map(p -> read(p.newStream()))
                        .orElse(new byte[0])));
                Answer a = answers.isEmpty() ? new Answer(200, Map.of("Content-Type", "application/cbor",
                        "smithy-protocol", "rpc-v2-cbor"), new byte[] {(byte) 0xA0}) : answers.poll();
                SdkHttpResponse.Builder r = SdkHttpResponse.builder().statusCode(a.status());
                a.headers().forEach(r::putHeader);
                r.putHeader("Content-Length", String.valueOf(a.body().length));
                return HttpExecuteResponse.builder().response(r.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(a.body()))).build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public void close() {
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
