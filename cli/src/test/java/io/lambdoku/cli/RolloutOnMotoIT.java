package io.lambdoku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.lambdoku.aws.AwsClients;
import io.lambdoku.aws.CloudWatchStandIn;
import io.lambdoku.aws.MotoExtension;
import io.lambdoku.aws.MotoServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/**
 * A rollout through the launcher on the aws backend: the alias shifted on moto's Lambda (watched with the SDK, as
 * another account user would see it), the record an object in the artifact bucket written conditionally, so a
 * second start is refused while it runs. CloudWatch is {@link CloudWatchStandIn} (no datapoints), since moto
 * cannot read the SDK's CloudWatch protocol; with no gates the readings decide nothing.
 */
@SuppressWarnings("unchecked")
class RolloutOnMotoIT {

    @RegisterExtension
    static final MotoExtension moto = new MotoExtension();

    @TempDir
    Path scratch;

    private CloudWatchStandIn cloudwatch;
    private CliRunner cli;

    @BeforeEach
    void setUp() throws Exception {
        cloudwatch = CloudWatchStandIn.start();
        cli = new CliRunner(scratch).withEnv(moto.environment())
                .withEnv(Map.of("AWS_ENDPOINT_URL_CLOUDWATCH", cloudwatch.endpoint().toString()));
    }

    @AfterEach
    void tearDown() {
        cloudwatch.close();
    }

    @Test
    void aStepsRolloutShiftsTheAliasAndEndsOnTheNewVersionAloneAndASecondStartIsRefused() throws Exception {
        Path code = Files.createDirectories(scratch.resolve("code"));
        Files.writeString(code.resolve("app.py"), "def handler(e, c):\n    return 'one'\n");
        cli.run("create", "shop", "--role", MotoServer.ROLE, "--code", code.toString()).succeeded();
        Files.writeString(code.resolve("app.py"), "def handler(e, c):\n    return 'two'\n");
        cli.run("push", "-a", "shop", code.toString()).succeeded().outContains("v2");
        cli.run("alias:set", "-a", "shop", "live", "1").succeeded();

        Process driver = cli.start("rollout:start", "-a", "shop", "--alias", "live", "--to", "2", "--strategy", "steps:10,50:2s");
        Set<Double> weights = new TreeSet<>();
        CompletableFuture<CliRunner.Result> second = null;
        try (AwsClients aws = new AwsClients(moto.options())) {
            for (int i = 0; i < 1200 && driver.isAlive(); i++) {
                GetAliasResponse live = aws.lambda().getAlias(b -> b.functionName("shop").name("live"));
                if (live.routingConfig() != null) {
                    weights.addAll(live.routingConfig().additionalVersionWeights().values());
                }
                if (second == null && !weights.isEmpty()) {
                    // beside the watching, so no step goes by unseen while it runs
                    second = CompletableFuture.supplyAsync(() -> run("rollout:start", "-a", "shop", "--alias", "live", "--to", "2",
                            "--strategy", "all-at-once"));
                }
                Thread.sleep(50);
            }
            assertThat(driver.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(driver.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(driver.exitValue()).as(err).isZero();
            assertThat(second).isNotNull();
            second.get(60, TimeUnit.SECONDS).failedWith(ExitCodes.FAILURE, "A rollout is already active on");
            assertThat(weights).containsExactly(0.1, 0.5);
            GetAliasResponse live = aws.lambda().getAlias(b -> b.functionName("shop").name("live"));
            assertThat(live.functionVersion()).isEqualTo("2");
            assertThat(live.routingConfig() == null || live.routingConfig().additionalVersionWeights().isEmpty()).isTrue();
            assertThat(aws.s3().listObjectsV2(b -> b.bucket(MotoServer.BUCKET).prefix("lambdoku/")).contents())
                    .anyMatch(o -> o.key().contains("rollout"));
        }
        Map<String, Object> record = JSON.std.mapFrom(cli.run("rollout", "-a", "shop", "--json").succeeded().out());
        assertThat(record).containsEntry("phase", "Succeeded").containsEntry("oldVersion", "1").containsEntry("newVersion", "2");
    }

    private CliRunner.Result run(String... args) {
        try {
            return cli.run(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
