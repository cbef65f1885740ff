package io.lambdoku.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatesTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static Gates gates(int minInvocations) {
        return new Gates(Optional.of(1.0), Optional.of(Duration.ofMillis(800)), Optional.of(2), minInvocations,
                Gates.DEFAULT_MAX_HOLD, List.of("shop-errors"));
    }

    private static Reading reading(int invocations, int errors, int throttles, double p99) {
        return new Reading("9", T, T.plusSeconds(10), invocations, errors, throttles, Optional.of(p99));
    }

    @Test
    void aHighErrorRateFailsNamingTheNumbers() {
        Gates.Verdict v = gates(10).judge(reading(50, 17, 0, 40), 10, Map.of("shop-errors", "OK"));

        assertThat(v.kind()).isEqualTo(Gates.Verdict.Kind.FAIL);
        assertThat(v.reason()).isEqualTo("error rate 34% > 1% over 50 invocations at 10%");
    }

    @Test
    void tooFewInvocationsAreNoEvidenceEitherWay() {
        Gates.Verdict v = gates(10).judge(reading(1, 1, 0, 2000), 10, Map.of("shop-errors", "OK"));

        assertThat(v.kind()).isEqualTo(Gates.Verdict.Kind.INCONCLUSIVE);
        assertThat(v.reason()).isEqualTo("only 1 invocation of v9 at 10% (--min-invocations 10)");
    }

    @Test
    void alarmsAndThrottlesFailEvenBeforeEnoughInvocations() {
        assertThat(gates(10).judge(reading(1, 0, 0, 10), 10, Map.of("shop-errors", "ALARM")).reason())
                .isEqualTo("alarm shop-errors is in ALARM");
        assertThat(gates(10).judge(reading(1, 0, 3, 10), 10, Map.of("shop-errors", "OK")).reason())
                .isEqualTo("3 throttles > 2 over 1 invocation at 10%");
        assertThat(gates(10).judge(reading(20, 0, 0, 10), 10, Map.of()).reason()).isEqualTo("alarm shop-errors does not exist");
    }

    @Test
    void aSlowP99FailsAndAHealthyReadingPasses() {
        assertThat(gates(10).judge(reading(20, 0, 0, 812.4), 25, Map.of("shop-errors", "OK")).reason())
                .isEqualTo("p99 812ms > 800ms over 20 invocations at 25%");
        assertThat(gates(10).judge(reading(20, 0, 0, 120), 25, Map.of("shop-errors", "INSUFFICIENT_DATA")).kind())
                .isEqualTo(Gates.Verdict.Kind.PASS);
    }

    @Test
    void aRateGateJudgesNothingBeforeTheFirstInvocation() {
        Gates rateOnly = new Gates(Optional.of(1.0), Optional.empty(), Optional.empty(), 0, Gates.DEFAULT_MAX_HOLD, List.of());

        assertThat(rateOnly.judge(reading(0, 0, 0, 0), 20, Map.of()).reason()).isEqualTo("only 0 invocations of v9 at 20%: nothing to judge yet");
        assertThat(Gates.NONE.judge(reading(0, 0, 0, 0), 20, Map.of()).kind()).isEqualTo(Gates.Verdict.Kind.PASS);
    }
}
