package io.lambdoku.core.formation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredRulesTest {

    private static Desired desired(String version, int scale, String source) {
        return new Desired(Optional.ofNullable(version), scale, Optional.ofNullable(source), false);
    }

    @Test
    void releasesAliasesAndGitRefsWithASourceAreFine() {
        for (String v : new String[] {"7", "v7", "live", "blue-2", "git:main", "git:HEAD", "git:3f2a9c1", "git:feature/x"}) {
            assertThat(DesiredRules.problem("shop", desired(v, 1, "/src/shop"))).as(v).isEmpty();
        }
        assertThat(DesiredRules.problem("shop", desired(null, 0, "/src/shop"))).isEmpty();
        assertThat(DesiredRules.problem("shop", desired(null, 2, null))).as("the function's newest release").isEmpty();
        assertThat(DesiredRules.problem("shop", desired("7", DesiredRules.MAX_SCALE, null))).isEmpty();
    }

    @Test
    void aGitRefNeedsASource() {
        assertThat(DesiredRules.problem("shop", desired("git:main", 1, null))).get().asString()
                .isEqualTo("Version git:main of shop is a git ref, so it needs a Source folder whose repository has it (--source DIR).");
    }

    @Test
    void badVersionsAndScalesAreRefusedInOneSentence() {
        assertThat(DesiredRules.problem("shop", desired("7.1", 1, null))).get().asString().contains("none of a release");
        assertThat(DesiredRules.problem("shop", desired("a b", 1, null))).get().asString().contains("none of a release");
        assertThat(DesiredRules.problem("shop", desired("git:", 1, "/s"))).get().asString().contains("names no git ref");
        assertThat(DesiredRules.problem("shop", desired("git:a..b", 1, "/s"))).get().asString().contains("names no git ref");
        assertThat(DesiredRules.problem("shop", desired("7", -2, null))).get().asString()
                .isEqualTo("Scale of shop must be a whole number from 0 to 1000, not -2.");
        assertThat(DesiredRules.problem("shop", desired("7", FormationAttributes.UNREADABLE_SCALE, null))).get().asString()
                .isEqualTo("Scale of shop must be a whole number from 0 to 1000, not what the row holds.");
    }

    @Test
    void releaseAndGitRefReadTheVersion() {
        assertThat(DesiredRules.release("v7")).contains("7");
        assertThat(DesiredRules.release("7")).contains("7");
        assertThat(DesiredRules.release("live")).isEmpty();
        assertThat(DesiredRules.gitRef("git:main")).contains("main");
        assertThat(DesiredRules.gitRef("main")).isEmpty();
    }

    @Test
    void rowsOtherClientsWroteReadLeniently() {
        assertThat(FormationAttributes.scale("2")).isEqualTo(2);
        assertThat(FormationAttributes.scale(3)).isEqualTo(3);
        assertThat(FormationAttributes.scale(null)).isEqualTo(1);
        assertThat(FormationAttributes.scale("two")).isEqualTo(FormationAttributes.UNREADABLE_SCALE);
        assertThat(FormationAttributes.readDesired(java.util.Map.of("Version", "git:main", "Scale", "0", "Public", "true")))
                .isEqualTo(new Desired(Optional.of("git:main"), 0, Optional.empty(), true));
    }
}
