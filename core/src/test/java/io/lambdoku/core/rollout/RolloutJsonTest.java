package io.lambdoku.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutJsonTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aRecordReadsBackAsItWasWritten() {
        Rollout r = new Rollout("id-1", "shop", "live", Optional.of("8"), "9", Strategy.parse("canary:20%:10s"),
                new Gates(Optional.of(1.5), Optional.of(Duration.ofMillis(800)), Optional.of(3), 10, Duration.ofMinutes(2),
                        List.of("shop-errors")),
                Optional.of(new Hook(Hook.Kind.FUNCTION, "smoke")), Optional.of(new Hook(Hook.Kind.COMMAND, "./check.sh")),
                Phase.ROLLING_BACK, 0, 20, Optional.of(T), Optional.of(T.plusSeconds(10)),
                Map.of("9", new Reading("9", T, T.plusSeconds(4), 50, 17, 1, Optional.of(812.5)),
                        "8", new Reading("8", T, T.plusSeconds(4), 200, 0, 0, Optional.empty())),
                Optional.of("rev-3"), Optional.of(new DriverLease("lease-1", "ana@ci", 42, T.plusSeconds(4), Duration.ofSeconds(120))),
                Optional.empty(), new Rollout.Requests(Optional.empty(), Optional.of("bob@laptop")),
                Optional.of("error rate 34% > 1.5% over 50 invocations at 20%"), "ana@ci", T, Optional.empty());

        String json = RolloutJson.write(r);

        assertThat(RolloutJson.read(json)).isEqualTo(r);
        assertThat(json).contains("\"phase\":\"RollingBack\"").contains("\"strategy\":\"canary:20%:10s\"");
    }
}
