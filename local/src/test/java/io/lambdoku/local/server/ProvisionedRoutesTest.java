package io.lambdoku.local.server;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioned concurrency over the wire, as Lambda answers it (LocalStack's recorded
 * test_provisioned_concurrency_exceptions, test_lambda_provisioned_lifecycle): the server keeps the environments.
 */
@SuppressWarnings("unchecked")
class ProvisionedRoutesTest {

    private static final String PATH = "/2019-09-30/functions/f/provisioned-concurrency";

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
        lambda.publishVersion("f", "one", Optional.empty(), Optional.empty());
        lambda.createAlias("f", new AliasSpec("live", "1", Optional.empty(), ""));
    }

    @AfterEach
    void stop() {
        server.close();
        lambda.close();
    }

    @Test
    void putThenGetUntilReadyThenInvocationsOfTheAliasHaveNoInitDuration() throws Exception {
        SignedHttp.Response put = http.request("PUT", PATH + "?Qualifier=live")
                .json(Map.of("ProvisionedConcurrentExecutions", 2)).send();
        assertThat(put.status()).isEqualTo(202);
        assertThat(put.json()).containsEntry("RequestedProvisionedConcurrentExecutions", 2)
                .containsEntry("Status", "IN_PROGRESS").containsKeys("AvailableProvisionedConcurrentExecutions",
                        "AllocatedProvisionedConcurrentExecutions", "LastModified");
        assertThat((String) put.json().get("LastModified")).endsWith("+0000");

        Map<String, Object> got = http.request("GET", PATH + "?Qualifier=live").send().json();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!got.get("Status").equals("READY")) {
            assertThat(System.currentTimeMillis()).as("still %s", got).isLessThan(deadline);
            Thread.sleep(100);
            got = http.request("GET", PATH + "?Qualifier=live").send().json();
        }
        assertThat(got).containsEntry("AllocatedProvisionedConcurrentExecutions", 2)
                .containsEntry("AvailableProvisionedConcurrentExecutions", 2).doesNotContainKey("StatusReason");

        SignedHttp.Response invoked = http.request("POST", "/2015-03-31/functions/f/invocations?Qualifier=live")
                .header("X-Amz-Log-Type", "Tail").json(Map.of("hello", "warm")).send();
        assertThat(invoked.status()).isEqualTo(200);
        assertThat(invoked.json()).containsEntry("hello", "warm");
        String log = new String(Base64.getDecoder().decode(invoked.headers().get("x-amz-log-result")), StandardCharsets.UTF_8);
        assertThat(log).contains("REPORT RequestId").doesNotContain("Init Duration");

        Map<String, Object> list = http.request("GET", PATH + "?List=ALL").send().json();
        assertThat((List<Map<String, Object>>) list.get("ProvisionedConcurrencyConfigs")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("FunctionArn",
                        "arn:aws:lambda:us-east-1:000000000000:function:f:live").containsEntry("Status", "READY"));

        assertThat(http.request("DELETE", PATH + "?Qualifier=live").send().status()).isEqualTo(204);
        SignedHttp.Response gone = http.request("GET", PATH + "?Qualifier=live").send();
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorType()).contains("ProvisionedConcurrencyConfigNotFoundException");
        assertThat(gone.json()).containsEntry("message", "No Provisioned Concurrency Config found for this function");
    }

    @Test
    void latestMissingQualifiersAndConflictsGetLambdasErrors() {
        SignedHttp.Response latest = http.request("PUT", PATH + "?Qualifier=$LATEST")
                .json(Map.of("ProvisionedConcurrentExecutions", 1)).send();
        assertThat(latest.status()).isEqualTo(400);
        assertThat(latest.errorType()).contains("InvalidParameterValueException");
        assertThat(latest.json()).containsEntry("message",
                "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        assertThat(http.request("GET", PATH + "?Qualifier=$LATEST").send().json()).containsEntry("message",
                "The function resource provided must be an alias or a published version.");

        SignedHttp.Response noAlias = http.request("GET", PATH + "?Qualifier=noalias").send();
        assertThat(noAlias.errorType()).contains("ResourceNotFoundException");
        assertThat(noAlias.json()).containsEntry("message",
                "Cannot find alias arn: arn:aws:lambda:us-east-1:000000000000:function:f:noalias");
        assertThat(http.request("GET", PATH + "?Qualifier=10").send().json()).containsEntry("message",
                "Function not found: arn:aws:lambda:us-east-1:000000000000:function:f:10");
        assertThat(http.request("GET", "/2019-09-30/functions/ghost/provisioned-concurrency?List=ALL").send().errorType())
                .contains("ResourceNotFoundException");
        assertThat(http.request("PUT", PATH + "?Qualifier=live").json(Map.of("ProvisionedConcurrentExecutions", 0)).send()
                .errorType()).contains("ValidationException");
        assertThat(http.request("DELETE", PATH + "?Qualifier=1").send().status()).isEqualTo(204);

        assertThat(http.request("PUT", PATH + "?Qualifier=1").json(Map.of("ProvisionedConcurrentExecutions", 1)).send()
                .status()).isEqualTo(202);
        SignedHttp.Response conflict = http.request("PUT", PATH + "?Qualifier=live")
                .json(Map.of("ProvisionedConcurrentExecutions", 1)).send();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorType()).contains("ResourceConflictException");
    }
}
