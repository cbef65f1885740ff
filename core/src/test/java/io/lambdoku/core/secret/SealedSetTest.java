package io.lambdoku.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SealedSetTest {

    @Test
    void formatsSortedByKeyAndParsesBack() {
        SealedSet set = SealedSet.EMPTY.with("ZED", "9f8e7d6c").with("DB_PASSWORD", "1a2b3c4d");

        assertThat(set.format()).isEqualTo("DB_PASSWORD:1a2b3c4d,ZED:9f8e7d6c");
        assertThat(SealedSet.parse(set.format())).isEqualTo(set);
    }

    @Test
    void anEnvironmentWithoutTheVarHasNothingSealed() {
        assertThat(SealedSet.of(Map.of("MODE", "fast")).isEmpty()).isTrue();
    }

    @Test
    void writingAnEmptySetRemovesTheVar() {
        Map<String, String> env = Map.of("A1", "x", SealedSet.VAR, "A1:1a2b3c4d");

        assertThat(SealedSet.of(env).without(List.of("A1")).writeTo(env)).containsOnlyKeys("A1");
    }

    @Test
    void maskedHidesSealedValuesAndTheListItself() {
        Map<String, String> env = Map.of("DB_PASSWORD", "AQICAHh…ciphertext", "MODE", "fast",
                SealedSet.VAR, "DB_PASSWORD:1a2b3c4d");

        assertThat(SealedSet.masked(env)).containsExactlyInAnyOrderEntriesOf(
                Map.of("DB_PASSWORD", "<sealed 1a2b3c4d>", "MODE", "fast"));
        assertThat(SealedSet.fingerprintOfMarker("<sealed 1a2b3c4d>")).contains("1a2b3c4d");
        assertThat(SealedSet.fingerprintOfMarker("fast")).isEmpty();
    }

    @Test
    void aHandEditedListIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> SealedSet.parse("DB_PASSWORD:1a2b3c4d,hunter2"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("entry 2").hasMessageNotContaining("hunter2");
    }

    @Test
    void fingerprintsDifferPerAppAndStayTheSameWithinOne() {
        Fingerprints store = new Fingerprints(new byte[32]);

        assertThat(store.forApp("acc").of("s3cret")).isEqualTo(store.forApp("acc").of("s3cret"))
                .isNotEqualTo(store.forApp("prod").of("s3cret")).hasSize(8);
    }
}
