package io.lambdoku.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StrategyTest {

    @Test
    void canaryHoldsItsWeightForOneIntervalThenTakesEverything() {
        Strategy s = Strategy.parse("canary:20%:10s");

        assertThat(s.steps()).containsExactly(20.0);
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.shifts()).isEqualTo(2);
        assertThat(s.weightAt(0)).isEqualTo(20.0);
        assertThat(s.weightAt(1)).isEqualTo(100.0);
    }

    @Test
    void linearAddsItsPercentageEachInterval() {
        assertThat(Strategy.parse("linear:25:1m").steps()).containsExactly(25.0, 50.0, 75.0);
        assertThat(Strategy.parse("linear:10%:2h").steps()).hasSize(9).endsWith(90.0);
        assertThat(Strategy.parse("linear:10%:2h").interval()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void stepsAreTakenAsWritten() {
        assertThat(Strategy.parse("steps:5,25,50:30s").steps()).containsExactly(5.0, 25.0, 50.0);
    }

    @Test
    void allAtOnceHasNoStepBeforeTheWhole() {
        assertThat(Strategy.parse("all-at-once").steps()).isEmpty();
        assertThat(Strategy.parse("AllAtOnce").shifts()).isEqualTo(1);
    }

    @Test
    void codeDeployNamesMeanWhatTheyMeanThere() {
        Strategy canary = Strategy.parse("LambdaCanary10Percent5Minutes");
        assertThat(canary.steps()).containsExactly(10.0);
        assertThat(canary.interval()).isEqualTo(Duration.ofMinutes(5));

        Strategy linear = Strategy.parse("LambdaLinear10PercentEvery1Minute");
        assertThat(linear.steps()).hasSize(9);
        assertThat(linear.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Strategy.parse("LambdaLinear10PercentEvery10Minutes").interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(Strategy.parse("LambdaAllAtOnce").steps()).isEmpty();
        assertThat(Strategy.parse("CodeDeployDefault.LambdaCanary10Percent30Minutes").interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Strategy.parse("Linear10PercentEvery2Minutes").steps()).hasSize(9); // SAM's DeploymentPreference names
        assertThat(Strategy.parse("Canary10Percent15Minutes").steps()).containsExactly(10.0);
    }

    @Test
    void badStrategiesAreNamedWithWhatIsWrong() {
        assertThatThrownBy(() -> Strategy.parse("canary:120%:10s"))
                .hasMessage("Invalid rollout strategy 'canary:120%:10s': '120%' is not a percentage between 0 and 100 (exclusive).");
        assertThatThrownBy(() -> Strategy.parse("canary:20%:10 minutes"))
                .hasMessageContaining("'10 minutes' is not an interval such as 30s, 5m or 1h");
        assertThatThrownBy(() -> Strategy.parse("steps:50,25:1m")).hasMessageContaining("steps must increase");
        assertThatThrownBy(() -> Strategy.parse("blue-green")).hasMessageContaining("expected canary:PCT:INTERVAL");
    }
}
