package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.local.LocalLambda;
import io.lambdoku.local.LocalOptions;
import io.lambdoku.local.LocalProvisioned;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioned and reserved concurrency through 'lambdoku local serve' as a user drives them: the AWS CLI puts a
 * config and polls until READY, its invocations report no Init Duration, and 'lambdoku invoke' reaches the same
 * warm environments through the running server. Skipped only where the AWS CLI is absent (LAMBDOKU_REQUIRE_AWS_CLI=1
 * forbids that).
 */
class ProvisionedConcurrencyIT {

    @TempDir
    Path scratch;

    private CliRunner cli;
    private LocalServe server;
    private AwsCli aws;

    @BeforeEach
    void startServer() throws Exception {
        AwsCli.requireInstalled();
        cli = new CliRunner(scratch);
        server = LocalServe.start(cli);
        aws = new AwsCli(scratch, server.endpoint(), Map.of());
        Path zip = Files.write(scratch.resolve("warm.zip"), FunctionZip.of("app.py",
                "import os\ndef handler(event, context):\n    return os.environ['AWS_LAMBDA_INITIALIZATION_TYPE']\n"));
        aws.json("lambda", "create-function", "--function-name", "warm", "--runtime", "python3.12", "--handler", "app.handler",
                "--role", "arn:aws:iam::000000000000:role/any", "--zip-file", "fileb://" + zip);
        aws.run("lambda", "wait", "function-active-v2", "--function-name", "warm");
        aws.json("lambda", "publish-version", "--function-name", "warm");
        aws.json("lambda", "create-alias", "--function-name", "warm", "--name", "live", "--function-version", "1");
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAwsCliProvisionsAnAliasAndItsInvocationsAreWarmAlsoThroughLambdokuInvoke() throws Exception {
        Map<String, Object> put = aws.json("lambda", "put-provisioned-concurrency-config", "--function-name", "warm",
                "--qualifier", "live", "--provisioned-concurrent-executions", "2");
        assertThat(put).containsEntry("RequestedProvisionedConcurrentExecutions", 2).containsEntry("Status", "IN_PROGRESS");

        Map<String, Object> got = awaitReady();
        assertThat(got).containsEntry("AllocatedProvisionedConcurrentExecutions", 2);

        Map<String, Object> invoked = aws.json("lambda", "invoke", "--function-name", "warm", "--qualifier", "live",
                "--log-type", "Tail", scratch.resolve("out.json").toString());
        String log = new String(Base64.getDecoder().decode((String) invoked.get("LogResult")), StandardCharsets.UTF_8);
        assertThat(log).contains("REPORT RequestId").doesNotContain("Init Duration");
        assertThat(Files.readString(scratch.resolve("out.json"))).isEqualTo("\"provisioned-concurrency\"");

        CliRunner.Result warm = cli.run("invoke", "-a", "warm", "-q", "live", "--log").succeeded();
        assertThat(JSON.std.anyFrom(warm.out())).isEqualTo("provisioned-concurrency");
        assertThat(warm.err()).contains("REPORT RequestId").doesNotContain("Init Duration");
        CliRunner.Result cold = cli.run("invoke", "-a", "warm", "--log").succeeded();
        assertThat(cold.err()).contains("Init Duration");

        Map<String, Object> list = aws.json("lambda", "list-provisioned-concurrency-configs", "--function-name", "warm");
        assertThat(list.get("ProvisionedConcurrencyConfigs").toString()).contains("function:warm:live").contains("READY");
    }

    @Test
    void latestIsRefusedAndReservedZeroThrottlesEveryInvocation() throws Exception {
        AwsCli.Run latest = aws.run("lambda", "put-provisioned-concurrency-config", "--function-name", "warm",
                "--qualifier", "$LATEST", "--provisioned-concurrent-executions", "1");
        assertThat(latest.exit()).isNotZero();
        assertThat(latest.err()).contains("InvalidParameterValueException")
                .contains("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");

        aws.json("lambda", "put-function-concurrency", "--function-name", "warm", "--reserved-concurrent-executions", "0");
        AwsCli.Run throttled = aws.run("lambda", "invoke", "--function-name", "warm", scratch.resolve("out.json").toString());
        assertThat(throttled.exit()).isNotZero();
        assertThat(throttled.err()).contains("TooManyRequestsException");
        cli.run("invoke", "-a", "warm").failedWith(1, "reserved concurrency of 0");
    }

    @Test
    void aKilledServersConfigsReadInProgressAndTheNextServerInitialisesThemAgain() throws Exception {
        aws.json("lambda", "put-provisioned-concurrency-config", "--function-name", "warm", "--qualifier", "live",
                "--provisioned-concurrent-executions", "1");
        awaitReady();
        server.kill();
        try (LocalLambda store = LocalLambda.open(new LocalOptions(cli.home(), "us-east-1", Duration.ZERO))) {
            ProvisionedConcurrency orphaned = store.provisionedConcurrency("warm", "live").orElseThrow();
            assertThat(orphaned.status()).isEqualTo(ProvisionedConcurrency.Status.IN_PROGRESS);
            assertThat(orphaned.allocated()).isZero();
            assertThat(orphaned.statusReason()).contains(LocalProvisioned.NO_KEEPER);
        }

        server = LocalServe.start(cli);
        aws = new AwsCli(scratch, server.endpoint(), Map.of());
        assertThat(awaitReady()).containsEntry("AllocatedProvisionedConcurrentExecutions", 1);
        CliRunner.Result warm = cli.run("invoke", "-a", "warm", "-q", "live", "--log").succeeded();
        assertThat(warm.err()).contains("REPORT RequestId").doesNotContain("Init Duration");
    }

    private Map<String, Object> awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Map<String, Object> got = aws.json("lambda", "get-provisioned-concurrency-config", "--function-name", "warm",
                    "--qualifier", "live");
            if (got.get("Status").equals("READY")) {
                return got;
            }
            assertThat(System.currentTimeMillis()).as("still %s", got).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
