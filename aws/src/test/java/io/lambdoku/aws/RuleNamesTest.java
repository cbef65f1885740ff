package io.lambdoku.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleNamesTest {

    @Test
    void aRuleIsNamedAfterItsFunctionAndSchedule() {
        assertThat(RuleNames.of("shop", "nightly")).isEqualTo("shop-nightly");
    }

    @Test
    void aLongOrOddNameIsCutToSixtyFourValidCharactersAndStaysUnique() {
        String function = "f".repeat(60);

        String a = RuleNames.of(function, "every morning");
        String b = RuleNames.of(function, "every evening");

        assertThat(a).hasSize(64).matches("[.\\-_A-Za-z0-9]+").isNotEqualTo(b).isEqualTo(RuleNames.of(function, "every morning"));
    }
}
