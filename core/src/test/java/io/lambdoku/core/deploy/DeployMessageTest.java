package io.lambdoku.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.CodeZip;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployMessageTest {

    private final CodeZip code = new CodeZip(new byte[] {1, 2, 3});
    private final String sha8 = code.sha256Hex().substring(0, 8);

    @Test
    void messageAndGitShaFollowTheCodeSha() {
        assertThat(DeployMessage.of(code, Optional.of("  fix login "), Optional.of("1a2b3c4")))
                .isEqualTo("Deploy " + sha8 + " fix login (git 1a2b3c4)");
        assertThat(DeployMessage.of(code, Optional.of(" "), Optional.empty())).isEqualTo("Deploy " + sha8);
    }

    @Test
    void aMessageThatDoesNotFitIsRefusedNamingTheLimitNotCut() {
        String fits = "m".repeat(256 - ("Deploy " + sha8 + " ").length() - " (git 1a2b3c4)".length());
        assertThat(DeployMessage.of(code, Optional.of(fits), Optional.of("1a2b3c4"))).hasSize(256);

        assertThatThrownBy(() -> DeployMessage.of(code, Optional.of("m".repeat(300)), Optional.of("1a2b3c4")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("300 characters").hasMessageContaining("256")
                .hasMessageContaining("at most " + fits.length());
    }
}
