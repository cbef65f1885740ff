package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.app.Apps;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.AliasSpec;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.LambdaException;
import io.lambdoku.core.lambda.ProvisionedConcurrency;
import io.lambdoku.core.release.ReleaseScenarios;
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
 * Provisioned concurrency through the aws adapter against lambdoku's own AWS-wire server, whose keeper really starts
 * the environments (moto routes no provisioned concurrency call): Put, Get until READY, List, Delete, as the
 * reactor drives them on AWS.
 */
class AwsProvisionedOverLocalServeIT {

    @TempDir
    Path home;

    private ServedAws served;
    private AwsLambda aws;

    @BeforeEach
    void start() {
        served = ServedAws.start(home, Duration.ZERO);
        aws = served.aws();
        FunctionSettings python = new FunctionSettings("python3.12", "app.handler", "arn:aws:iam::000000000000:role/x", 128, 3,
                Map.of(), List.of());
        int v1 = new Apps(aws, Events.NONE).create("shop", python, ReleaseScenarios.handler("hi")).version();
        aws.createAlias("shop", new AliasSpec("live", String.valueOf(v1), Optional.empty(), ""));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void provisionedConcurrencyOnAnAliasBecomesReadyIsListedAndRemoved() throws InterruptedException {
        ProvisionedConcurrency put = aws.putProvisionedConcurrency("shop", "live", 2);
        assertThat(put.requested()).isEqualTo(2);
        assertThat(put.qualifier()).isEqualTo("live");

        ProvisionedConcurrency ready = awaitSettled("shop", "live");
        assertThat(ready.status()).as("reason: %s", ready.statusReason()).isEqualTo(ProvisionedConcurrency.Status.READY);
        assertThat(ready.allocated()).isEqualTo(2);
        assertThat(aws.listProvisionedConcurrency("shop")).extracting(ProvisionedConcurrency::qualifier, ProvisionedConcurrency::requested)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("live", 2));

        aws.deleteProvisionedConcurrency("shop", "live");
        assertThat(aws.provisionedConcurrency("shop", "live")).isEmpty();
        aws.deleteProvisionedConcurrency("shop", "live"); // nothing there: no error, as the reactor may remove it twice
        assertThat(aws.listProvisionedConcurrency("shop")).isEmpty();
    }

    @Test
    void latestAndMissingQualifiersAreRefusedInOneSentence() {
        assertThatThrownBy(() -> aws.putProvisionedConcurrency("shop", "$LATEST", 1)).isInstanceOf(LambdaException.class)
                .hasMessageNotContaining("HTTP");
        assertThatThrownBy(() -> aws.putProvisionedConcurrency("shop", "nope", 1)).isInstanceOf(LambdaException.class)
                .hasMessageContaining("nope");
        assertThat(aws.provisionedConcurrency("shop", "live")).isEmpty();
    }

    /** Polls as the reactor does; READY needs the keeper to start and initialise the environments. */
    private ProvisionedConcurrency awaitSettled(String function, String qualifier) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ProvisionedConcurrency p = aws.provisionedConcurrency(function, qualifier).orElseThrow();
        while (p.status() == ProvisionedConcurrency.Status.IN_PROGRESS && System.nanoTime() < deadline) {
            Thread.sleep(200);
            p = aws.provisionedConcurrency(function, qualifier).orElseThrow();
        }
        return p;
    }
}
