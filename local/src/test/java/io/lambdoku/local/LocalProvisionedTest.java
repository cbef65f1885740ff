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
import io.lambdoku.core.lambda.ResourceConflictException;
import io.lambdoku.core.lambda.ResourceNotFoundException;
import io.lambdoku.core.lambda.ValidationException;
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
    void aPutConfigReadsInProgressUntilAProcessKeepsItAndGoesWithItsAlias() {
        ProvisionedConcurrency put = lambda.putProvisionedConcurrency("f", "live", 2);
        assertThat(put.requested()).isEqualTo(2);
        assertThat(put.status()).isEqualTo(ProvisionedConcurrency.Status.IN_PROGRESS);
        assertThat(put.allocated()).isZero();
        assertThat(put.statusReason()).contains(LocalProvisioned.NO_KEEPER);
        assertThat(lambda.provisionedConcurrency("f", "live")).contains(put);
        assertThat(lambda.provisionedConcurrency("f", "1")).isEmpty();
        assertThat(lambda.listProvisionedConcurrency("f")).extracting(ProvisionedConcurrency::qualifier).containsExactly("live");

        ProvisionedConcurrency again = lambda.putProvisionedConcurrency("f", "live", 3);
        assertThat(again.requested()).isEqualTo(3);
        assertThat(lambda.listProvisionedConcurrency("f")).hasSize(1);

        lambda.deleteAlias("f", "live");
        assertThat(lambda.listProvisionedConcurrency("f")).isEmpty();
        lambda.createAlias("f", new AliasSpec("live", "1", Optional.empty(), ""));
        assertThat(lambda.provisionedConcurrency("f", "live")).isEmpty();
    }

    @Test
    void latestMissingQualifiersAndNonPositiveCountsAreRefusedAsLambdaRefusesThem() {
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", FunctionConfig.LATEST, 1))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((LambdaException) e).awsMessage())
                        .contains("Provisioned Concurrency Configs cannot be applied to unpublished function versions."));
        assertThatThrownBy(() -> lambda.provisionedConcurrency("f", FunctionConfig.LATEST))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((LambdaException) e).awsMessage())
                        .contains("The function resource provided must be an alias or a published version."));
        assertThatThrownBy(() -> lambda.deleteProvisionedConcurrency("f", FunctionConfig.LATEST))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "live", 0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("must be 1 or more");
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "noalias", 1))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).missing().orElseThrow().alias()).isTrue());
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "10", 1)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.provisionedConcurrency("f", "10")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("ghost", "1", 1)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.listProvisionedConcurrency("ghost")).isInstanceOf(ResourceNotFoundException.class);
        lambda.deleteProvisionedConcurrency("f", "1"); // none there: no error, as on Lambda
        assertThat(lambda.listProvisionedConcurrency("f")).isEmpty();
    }

    @Test
    void anAliasAndTheVersionItPointsAtAreNotBothProvisioned() {
        lambda.putProvisionedConcurrency("f", "1", 1);
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "live", 1)).isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((LambdaException) e).awsMessage()).contains(
                        "Alias can't be used for Provisioned Concurrency configuration on an already Provisioned version"));
        lambda.deleteProvisionedConcurrency("f", "1");
        lambda.putProvisionedConcurrency("f", "live", 1);
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "1", 1)).isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((LambdaException) e).awsMessage())
                        .contains("Version is pointed by a Provisioned Concurrency alias"));
    }

    @Test
    void provisionedConcurrencyFitsWithinReservedConcurrencyBothWays() {
        lambda.putReservedConcurrency("f", Optional.of(3));
        lambda.putProvisionedConcurrency("f", "live", 3);
        assertThatThrownBy(() -> lambda.putProvisionedConcurrency("f", "live", 4)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("exceeds its reserved concurrency of 3")
                .satisfies(e -> assertThat(((LambdaException) e).awsMessage()).contains(
                        "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function"));
        assertThatThrownBy(() -> lambda.putReservedConcurrency("f", Optional.of(2))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("less than the 3 environments provisioned");
        assertThat(lambda.reservedConcurrency("f")).contains(3);
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
