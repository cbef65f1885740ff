package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request bodies are capped as Lambda caps them, refused with its 413 before or while they arrive. */
class RequestLimitsTest {

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalServer server;
    private SignedHttp http;

    @BeforeEach
    void start() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        server = LocalServer.start(lambda, "127.0.0.1", 0);
        http = new SignedHttp("127.0.0.1", server.address().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    @Test
    void aGigabyteAnnouncedInContentLengthIsRefusedBeforeAByteOfItIsSent() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write(head("POST", "/2015-03-31/functions", Map.of("Content-Length", "1073741824")));
            s.getOutputStream().flush();
            SignedHttp.Response r = SignedHttp.read(s.getInputStream());
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.errorType()).contains("RequestEntityTooLargeException");
            assertThat(r.json()).containsEntry("message", "Request must be smaller than 69905067 bytes for the CreateFunction operation");
        }
    }

    @Test
    void aChunkedBodyIsRefusedAsSoonAsItPassesTheLimit() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(head("POST", "/2015-03-31/functions/f/invocations", Map.of("Transfer-Encoding", "chunked")));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int i = 0; i < 16 * 10; i++) { // 10 MB, over the 6 MB limit: read on and thrown away
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            SignedHttp.Response r = SignedHttp.read(s.getInputStream());
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json()).containsEntry("message", "Request must be smaller than 6291456 bytes for the Invoke operation");
        }
    }

    @Test
    void aChunkedCodeUploadIsHeldToSixMegabytes() throws Exception {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(head("POST", "/2015-03-31/functions", Map.of("Transfer-Encoding", "chunked")));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 8; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            SignedHttp.Response r = SignedHttp.read(s.getInputStream());
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.json()).containsEntry("message", "Request must be smaller than 6291456 bytes for the CreateFunction"
                    + " operation when sent chunked; send a Content-Length (as the AWS SDKs do) for up to 69905067 bytes");
        }
    }

    @Test
    void eachOperationHasLambdasLimit() {
        SignedHttp.Response event = http.request("POST", "/2015-03-31/functions/f/invocations")
                .header("X-Amz-Invocation-Type", "Event").header("Content-Type", "application/json").body(new byte[300 * 1024]).send();
        assertThat(event.status()).isEqualTo(413);
        assertThat(event.json()).containsEntry("message", "Request must be smaller than 262144 bytes for the InvokeAsync operation");

        SignedHttp.Response config = http.request("PUT", "/2015-03-31/functions/f/configuration")
                .header("Content-Type", "application/json").body(new byte[2 * 1024 * 1024]).send();
        assertThat(config.status()).isEqualTo(413);

        SignedHttp.Response logs = http.request("POST", "/").service("logs").header("X-Amz-Target", "Logs_20140328.FilterLogEvents")
                .header("Content-Type", "application/x-amz-json-1.1").body(new byte[2 * 1024 * 1024]).send();
        assertThat(logs.status()).isEqualTo(413);
        assertThat(logs.json()).containsEntry("__type", "RequestEntityTooLargeException");

        SignedHttp.Response small = http.request("POST", "/2015-03-31/functions/f/invocations")
                .header("Content-Type", "application/json").body(("\"" + "x".repeat(5 * 1024 * 1024) + "\"").getBytes()).send();
        assertThat(small.errorType()).as("under the limit, the request reaches Invoke").contains("ResourceNotFoundException");
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.address().getPort());
        s.setSoTimeout(30_000);
        return s;
    }

    /** A signed request line and headers, the body left to the caller. */
    private byte[] head(String method, String path, Map<String, String> extra) {
        SignedHttp.Request r = http.request(method, path).header("Content-Type", "application/json");
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.address().getPort() + "\r\n");
        r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        return head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
