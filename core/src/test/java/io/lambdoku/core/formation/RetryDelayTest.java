package io.lambdoku.core.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

    @Test
    void doublesFromOneSecondUpToFiveMinutes() {
        RetryDelay d = RetryDelay.DEFAULT;
        assertThat(d.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(d.after(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(d.after(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.after(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
