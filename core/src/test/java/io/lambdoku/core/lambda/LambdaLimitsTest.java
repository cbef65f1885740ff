package io.lambdoku.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaLimitsTest {

    @Test
    void envNamesFollowLambdasPattern() {
        assertThatCode(() -> LambdaLimits.checkEnvName("DB_URL")).doesNotThrowAnyException();
        assertThatThrownBy(() -> LambdaLimits.checkEnvName("1DB")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> LambdaLimits.checkEnvName("DB-URL")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> LambdaLimits.checkEnvName("LAMBDA_TASK_ROOT")).hasMessageContaining("reserved");
    }

    @Test
    void environmentSizeIsMeasuredAsItsJson() {
        assertThat(LambdaLimits.environmentBytes(Map.of())).isEqualTo(2);
        assertThat(LambdaLimits.environmentBytes(Map.of("AB", "cd"))).isEqualTo("{\"AB\":\"cd\"}".length());
        assertThat(LambdaLimits.environmentBytes(Map.of("AB", "é\""))).isEqualTo("{\"AB\":\"é\\\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThatThrownBy(() -> LambdaLimits.checkEnvironment(Map.of("BIG", "x".repeat(4090))))
                .hasMessageContaining("4 KB");
    }

    @Test
    void aliasRoutingIsValidatedAsLambdaDoes() {
        assertThatCode(() -> LambdaLimits.checkAlias(new AliasSpec("live", "2",
                Optional.of(new WeightedVersion("3", 0.1)), ""))).doesNotThrowAnyException();
        // Lambda lets an alias follow $LATEST, but never split traffic away from it
        assertThatCode(() -> LambdaLimits.checkAlias(new AliasSpec("live", "$LATEST", Optional.empty(), "")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> LambdaLimits.checkAlias(new AliasSpec("live", "$LATEST",
                Optional.of(new WeightedVersion("3", 0.1)), ""))).hasMessageContaining("$LATEST");
        assertThatThrownBy(() -> LambdaLimits.checkAlias(new AliasSpec("live", "$LATEST",
                Optional.of(new WeightedVersion("3", 0.1)), ""))).isInstanceOf(InvalidParameterException.class)
                .isNotInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> LambdaLimits.checkAlias(new AliasSpec("live", "2",
                Optional.of(new WeightedVersion("$LATEST", 0.1)), ""))).hasMessageContaining("published version");
        assertThatThrownBy(() -> LambdaLimits.checkAlias(new AliasSpec("live", "2",
                Optional.of(new WeightedVersion("2", 0.5)), ""))).hasMessageContaining("twice");
        assertThatThrownBy(() -> LambdaLimits.checkAlias(new AliasSpec("live", "2",
                Optional.of(new WeightedVersion("3", 1.5)), ""))).hasMessageContaining("out of range");
    }
}
