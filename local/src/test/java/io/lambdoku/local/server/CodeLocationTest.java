package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetFunction's Code.Location names the server as it is bound, whatever Host header the request carried. */
@SuppressWarnings("unchecked")
class CodeLocationTest {

    @TempDir
    Path home;

    private LocalLambda lambda;
    private LocalServer server;

    @BeforeEach
    void start() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        server = LocalServer.start(lambda, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    @Test
    void codeLocationIsTheBoundAddressNotTheHostHeader() throws Exception {
        byte[] zip = new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/x",
                128, 3, Map.of(), List.of()), "", new CodeZip(zip), Map.of()));

        String body = get("/2015-03-31/functions/f", "attacker.example:8443");
        String location = (String) ((Map<String, Object>) JSON.std.mapFrom(body).get("Code")).get("Location");

        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.address().getPort());
        assertThat(location).startsWith(server.endpoint() + "/lambdoku/code/").doesNotContain("attacker");
        assertThat(get(location.substring(server.endpoint().toString().length()), "x").getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(zip);
    }

    /** A raw HTTP/1.0 request, since Java's HTTP clients will not send a Host header of our choosing. */
    private String get(String path, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.address().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 200");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }
}
