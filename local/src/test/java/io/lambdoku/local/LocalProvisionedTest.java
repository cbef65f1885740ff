package io.lambdoku.local;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioned concurrency configs as Lambda keeps them: on an alias or a version, never $LATEST, never an alias and
 * its version both, within reserved concurrency (LocalStack's recorded test_provisioned_concurrency_exceptions and
 * test_lambda_provisioned_lifecycle). No process keeps them here, so they read IN_PROGRESS.
 */
class LocalProvisionedTest {

    @TempDir
    Path home;

    private LocalLambda lambda;

    @BeforeEach
    void open() {
        lambda = LocalLambda.open(new LocalOptions(home, "us-east-1", Duration.ZERO));
        lambda.createFunction(new NewFunction("f", new FunctionSettings("python3.12", "app.handler",
                "arn:aws:iam::000000000000:role/x", 128, 3, Map.of(), List.of()), "",
                zipOf("app.py", "def handler(e, c):\n    return e\n"), Map.of()));
        lambda.publishVersion("f", "one", Optional.empty(), Optional.empty());
        lambda.createAlias("f", new AliasSpec("live", "1", Optional.empty(), ""));
    }

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void aPutConfigReadsInProgressUntilKeptAndWithTheReasonWhenItsKeeperIsGone() {
        ProvisionedConcurrency put = lambda.putProvisionedConcurrency("f", "live", 2);
        assertThat(put.status()).isEqualTo(ProvisionedConcurrency.Status.IN_PROGRESS);
        assertThat(put.allocated()).isZero();
        assertThat(put.available()).isZero();
        assertThat(put.statusReason()).isEmpty();
        assertThat(lambda.provisionedConcurrency("f", "live")).contains(put);

        LocalProvisioned.Desire desire = lambda.provisioned().desired().get(0);
        String gone = Long.MAX_VALUE + ":0"; // no process has that pid
        lambda.provisioned().report(desire, gone, new LocalProvisioned.Report("1", 2, 2, ProvisionedConcurrency.Status.READY,
                Optional.empty()));
        ProvisionedConcurrency orphaned = lambda.provisionedConcurrency("f", "live").orElseThrow();
        assertThat(orphaned.status()).isEqualTo(ProvisionedConcurrency.Status.IN_PROGRESS);
        assertThat(orphaned.allocated()).isZero();
        assertThat(orphaned.statusReason()).contains(LocalProvisioned.NO_KEEPER);

        String me = ProcessOwner.current();
        assertThat(lambda.provisioned().report(desire, me, new LocalProvisioned.Report("1", 2, 1,
                ProvisionedConcurrency.Status.READY, Optional.empty()))).isTrue();
        assertThat(lambda.provisionedConcurrency("f", "live").orElseThrow()).satisfies(p -> {
            assertThat(p.status()).isEqualTo(ProvisionedConcurrency.Status.READY);
            assertThat(p.allocated()).isEqualTo(2);
            assertThat(p.available()).isEqualTo(1);
        });
        lambda.provisioned().abandon(me);
        assertThat(lambda.provisionedConcurrency("f", "live").orElseThrow().statusReason()).contains(LocalProvisioned.NO_KEEPER);
        assertThat(lambda.putProvisionedConcurrency("f", "live", 3).statusReason()).as("put again: Lambda's answer").isEmpty();
        assertThat(lambda.provisioned().report(desire, me, new LocalProvisioned.Report("1", 2, 2,
                ProvisionedConcurrency.Status.READY, Optional.empty()))).as("a report on a desire put again since").isFalse();
    }

    /** The scenarios check the refusals; these are the words AWS answers them with, which clients may match on. */
    @Test
    void refusalsCarryLambdasOwnWords() {
        assertThat(awsMessage(() -> lambda.putProvisionedConcurrency("f", FunctionConfig.LATEST, 1)))
                .isEqualTo("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        assertThat(awsMessage(() -> lambda.provisionedConcurrency("f", FunctionConfig.LATEST)))
                .isEqualTo("The function resource provided must be an alias or a published version.");
        assertThat(awsMessage(() -> lambda.putProvisionedConcurrency("f", "live", 0))).isEqualTo("1 validation error detected:"
                + " Value '0' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value greater"
                + " than or equal to 1");
        lambda.putProvisionedConcurrency("f", "1", 1);
        assertThat(awsMessage(() -> lambda.putProvisionedConcurrency("f", "live", 1)))
                .isEqualTo("Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version");
        lambda.deleteProvisionedConcurrency("f", "1");
        lambda.putProvisionedConcurrency("f", "live", 1);
        assertThat(awsMessage(() -> lambda.putProvisionedConcurrency("f", "1", 1)))
                .isEqualTo("Version is pointed by a Provisioned Concurrency alias");
        lambda.putReservedConcurrency("f", Optional.of(1));
        assertThat(awsMessage(() -> lambda.putProvisionedConcurrency("f", "live", 2))).isEqualTo(
                "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
        assertThat(awsMessage(() -> lambda.putReservedConcurrency("f", Optional.of(0))))
                .isEqualTo("ReservedConcurrentExecutions 0 should not be lower than function's total provisioned concurrency [1].");
    }

    private static String awsMessage(Runnable call) {
        try {
            call.run();
        } catch (LambdaException e) {
            return e.awsMessage().orElse(e.getMessage());
        }
        throw new AssertionError("not refused");
    }

    @Test
    void withoutReservedConcurrencyTheAccountKeepsItsUnreservedMinimum() {
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "live", 901)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("fewer than 100 unreserved concurrent executions")
                .satisfies(e -> assertThat(((LambdaException) e).awsMessage()).contains("Specified ConcurrentExecutions for"
                        + " function decreases account's UnreservedConcurrentExecution below its minimum value of [100]."));
        assertThat(lambda.putProvisionedConcurrency("f", "live", 900).requested()).isEqualTo(900);
        lambda.deleteProvisionedConcurrency("f", "live");
    }

    @Test
    void deletingTheVersionOrTheFunctionTakesItsConfigs() {
        lambda.putProvisionedConcurrency("f", "1", 1);
        lambda.deleteAlias("f", "live");
        lambda.deleteVersion("f", 1);
        assertThat(lambda.listProvisionedConcurrency("f")).isEmpty();

        FunctionConfig latest = lambda.getFunction("f", FunctionConfig.LATEST);
        lambda.updateFunctionConfiguration("f", latest.settings().withMemorySize(256), Optional.of(latest.revisionId()));
        String two = lambda.publishVersion("f", "two", Optional.empty(), Optional.empty()).version();
        lambda.putProvisionedConcurrency("f", two, 1);
        lambda.deleteFunction("f");
        assertThat(lambda.provisioned().desired()).isEmpty();
    }
}
