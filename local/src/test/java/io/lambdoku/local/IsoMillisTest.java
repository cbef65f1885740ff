package io.lambdoku.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The store's LastModified text must not change with how it is written: the same as Instant.toString, always. */
class IsoMillisTest {

    @Test
    void writesWhatInstantToStringWrites() {
        SplittableRandom random = new SplittableRandom(17);
        long[] edges = {0, 1, 999, 1000, -1, -1000, 86_399_999L, 951_782_400_000L /* 2000-02-29 */,
            253_402_300_799_999L /* 9999-12-31T23:59:59.999 */, 253_402_300_800_000L, -30_610_224_000_001L /* 999 AD */};
        for (long millis : edges) {
            assertThat(IsoMillis.of(millis)).as("%d", millis).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        for (int i = 0; i < 100_000; i++) {
            long millis = random.nextLong(-40_000_000_000_000L, 260_000_000_000_000L);
            if (i % 3 == 0) {
                millis -= Math.floorMod(millis, 1000); // whole seconds: no fraction at all
            }
            assertThat(IsoMillis.of(millis)).as("%d", millis).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }
}
