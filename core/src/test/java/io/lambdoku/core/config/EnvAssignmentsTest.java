package io.lambdoku.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvAssignmentsTest {

    @Test
    void valueIsEverythingAfterTheFirstEquals() {
        assertThat(EnvAssignments.parseArguments(List.of("URL=a=b=c", "EMPTY=", "QQ='x y'")))
                .containsEntry("URL", "a=b=c").containsEntry("EMPTY", "").containsEntry("QQ", "'x y'");
    }

    @Test
    void malformedAssignmentIsRefusedWithTheArgument() {
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("NOEQUALS")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'NOEQUALS'");
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("=x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void dotEnvHandlesCommentsExportAndQuotes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "# comment\nexport A1=plain\nB1='single # kept'\nC1=\"line\\nbreak\"\n\nD1=x=y\n");

        assertThat(EnvAssignments.parseDotEnv(file)).containsEntry("A1", "plain").containsEntry("B1", "single # kept")
                .containsEntry("C1", "line\nbreak").containsEntry("D1", "x=y");
    }

    @Test
    void dotEnvNamesTheBadLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, "A1=ok\njunk\n");

        assertThatThrownBy(() -> EnvAssignments.parseDotEnv(file)).hasMessageContaining("line 2");
    }
}
