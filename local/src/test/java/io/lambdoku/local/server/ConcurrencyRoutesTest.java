package io.lambdoku.local.server;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Reserved concurrency over the wire, as Lambda answers it (LocalStack's recorded test_lambda_concurrency_crud). */
class ConcurrencyRoutesTest {

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
        lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 3, Map.of(), List.of()), "",
                zipOf("app.py", "def handler(e, c):\n    return e\n"), Map.of()));
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    @Test
    void putGetAndDeleteAsLambdaAnswersThem() {
        SignedHttp.Response none = http.request("GET", "/2019-09-30/functions/f/concurrency").send();
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json()).isEmpty();
        assertThat(http.request("GET", "/2015-03-31/functions/f").send().json()).doesNotContainKey("Concurrency");

        SignedHttp.Response put = http.request("PUT", "/2017-10-31/functions/f/concurrency")
                .json(Map.of("ReservedConcurrentExecutions", 0)).send();
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json()).containsEntry("ReservedConcurrentExecutions", 0);
        assertThat(http.request("GET", "/2019-09-30/functions/f/concurrency").send().json())
                .containsEntry("ReservedConcurrentExecutions", 0);
        assertThat(http.request("GET", "/2015-03-31/functions/f").send().json())
                .containsEntry("Concurrency", Map.of("ReservedConcurrentExecutions", 0));

        SignedHttp.Response throttled = http.request("POST", "/2015-03-31/functions/f/invocations").json(Map.of()).send();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorType()).contains("TooManyRequestsException");

        assertThat(http.request("DELETE", "/2017-10-31/functions/f/concurrency").send().status()).isEqualTo(204);
        assertThat(http.request("GET", "/2019-09-30/functions/f/concurrency").send().json()).isEmpty();
    }

    @Test
    void missingFunctionsAndBadValuesAreRefused() {
        assertThat(http.request("GET", "/2019-09-30/functions/ghost/concurrency").send().errorType())
                .contains("ResourceNotFoundException");
        assertThat(http.request("PUT", "/2017-10-31/functions/f/concurrency").json(Map.of("ReservedConcurrentExecutions", -1))
                .send().errorType()).contains("ValidationException");
        assertThat(http.request("PUT", "/2017-10-31/functions/f/concurrency").json(Map.of("ReservedConcurrentExecutions", 901))
                .send().errorType()).contains("InvalidParameterValueException");
    }
}
