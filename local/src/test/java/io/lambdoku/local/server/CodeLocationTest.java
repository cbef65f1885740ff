package io.lambdoku.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
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
        SignedHttp http = new SignedHttp("127.0.0.1", server.address().getPort());

        SignedHttp.Response got = http.request("GET", "/2015-03-31/functions/f").host("localhost:" + server.address().getPort()).send();
        assertThat(got.status()).isEqualTo(200);
        String location = (String) ((Map<String, Object>) got.json().get("Code")).get("Location");

        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.address().getPort());
        assertThat(location).startsWith(server.endpoint() + "/lambdoku/code/").doesNotContain("localhost");
        String pathAndQuery = location.substring(server.endpoint().toString().length());
        // presigned: downloaded without a signature of the client's own, as Lambda's S3 URLs are
        SignedHttp.Response download = http.request("GET", pathAndQuery).unsigned().send();
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(zip);
        assertThat(http.request("GET", pathAndQuery.substring(0, pathAndQuery.indexOf('?'))).unsigned().send().status())
                .as("the blob's path alone opens nothing").isEqualTo(403);
    }
}
