package io.lambdoku.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.app.Apps;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.ProvisionedConcurrency.Status;
import io.lambdoku.core.release.ReleaseScenarios;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reserved and provisioned concurrency configs as {@link LambdaApi} keeps them, written once: on an alias or a
 * version, never $LATEST; never an alias and the version it points at both; within reserved concurrency both ways;
 * gone with their alias (AWS's answers as LocalStack recorded them, test_provisioned_concurrency_exceptions and
 * test_lambda_provisioned_lifecycle). A subclass supplies the backend; whether the environments become READY is
 * the backend's to test.
 */
public abstract class ConcurrencyScenarios {

    protected abstract LambdaApi api();

    /** The execution role functions are created with; moto requires one that exists in its IAM. */
    protected String role() {
        return "arn:aws:iam::000000000000:role/lambdoku-test";
    }

    /** A function with release (version) 1 and alias live on it, named uniquely so scenarios sharing a backend do not meet. */
    private String function() {
        String name = "conc-" + Long.toString(System.nanoTime(), 36);
        new Apps(api(), Events.NONE).create(name, new FunctionSettings("python3.12", "app.handler", role(), 128, 3, Map.of(),
                List.of()), ReleaseScenarios.handler("ok"));
        api().createAlias(name, new AliasSpec("live", "1", Optional.empty(), ""));
        return name;
    }

    @Test
    void aConfigOnAnAliasIsReadBackListedAndGoesWithTheAlias() {
        String f = function();
        ProvisionedConcurrency put = api().putProvisionedConcurrency(f, "live", 2);
        assertThat(put.requested()).isEqualTo(2);
        assertThat(put.status()).isIn(Status.IN_PROGRESS, Status.READY);
        assertThat(api().provisionedConcurrency(f, "live")).hasValueSatisfying(p -> {
            assertThat(p.function()).isEqualTo(f);
            assertThat(p.qualifier()).isEqualTo("live");
            assertThat(p.requested()).isEqualTo(2);
        });
        assertThat(api().provisionedConcurrency(f, "1")).isEmpty();
        assertThat(api().listProvisionedConcurrency(f)).extracting(ProvisionedConcurrency::qualifier).containsExactly("live");

        assertThat(api().putProvisionedConcurrency(f, "live", 1).requested()).isEqualTo(1);
        assertThat(api().listProvisionedConcurrency(f)).hasSize(1);

        api().deleteProvisionedConcurrency(f, "live");
        assertThat(api().provisionedConcurrency(f, "live")).isEmpty();
        api().putProvisionedConcurrency(f, "live", 1);
        api().deleteAlias(f, "live");
        assertThat(api().listProvisionedConcurrency(f)).isEmpty();
        api().deleteFunction(f);
    }

    @Test
    void latestMissingQualifiersAndCountsBelowOneAreRefused() {
        String f = function();
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, FunctionConfig.LATEST, 1))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api().provisionedConcurrency(f, FunctionConfig.LATEST))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, "live", 0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, "noalias", 1))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, "10", 1)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> api().provisionedConcurrency(f, "noalias")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> api().listProvisionedConcurrency(f + "-ghost")).isInstanceOf(ResourceNotFoundException.class);
        api().deleteProvisionedConcurrency(f, "1"); // none there: no error
        assertThat(api().listProvisionedConcurrency(f)).isEmpty();
        api().deleteFunction(f);
    }

    @Test
    void anAliasAndTheVersionItPointsAtAreNotBothProvisioned() {
        String f = function();
        api().putProvisionedConcurrency(f, "1", 1);
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, "live", 1)).isInstanceOf(ResourceConflictException.class);
        api().deleteProvisionedConcurrency(f, "1");
        api().putProvisionedConcurrency(f, "live", 1);
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, "1", 1)).isInstanceOf(ResourceConflictException.class);
        api().deleteProvisionedConcurrency(f, "live");
        api().deleteFunction(f);
    }

    @Test
    void provisionedConcurrencyFitsWithinReservedConcurrencyBothWays() {
        String f = function();
        api().putReservedConcurrency(f, Optional.of(2));
        api().putProvisionedConcurrency(f, "live", 2);
        assertThatThrownBy(() -> api().putProvisionedConcurrency(f, "live", 3)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> api().putReservedConcurrency(f, Optional.of(1))).isInstanceOf(InvalidParameterException.class);
        assertThat(api().reservedConcurrency(f)).contains(2);
        api().deleteProvisionedConcurrency(f, "live");
        api().putReservedConcurrency(f, Optional.of(0));
        assertThat(api().reservedConcurrency(f)).contains(0);
        api().putReservedConcurrency(f, Optional.empty());
        assertThat(api().reservedConcurrency(f)).isEmpty();
        api().deleteFunction(f);
    }
}
