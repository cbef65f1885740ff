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
    void aMalformedArgumentIsNamedByPositionAndNeverEchoed() {
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("A1=ok", "K:s3cr3t")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("argument 2")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("=s3cr3t")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("argument 1")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("-s3cr3t")))
                .hasMessageContaining("starts with '-'").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anInvalidNameIsNotEchoedForItMayBeTheValueAfterATypo() {
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("DB_URL:postgres://u:s3cr3t@h/db?ssl=1")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("argument 1")
                .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("DB_URL");
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("AWS_REGION=s3cr3t")))
                .hasMessageContaining("'AWS_REGION' is reserved").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void keyDashReadsItsValueFromTheReaderOnce() {
        assertThat(EnvAssignments.parseArguments(List.of("A1=1", "TOKEN=-"), key -> "from stdin for " + key))
                .containsEntry("A1", "1").containsEntry("TOKEN", "from stdin for TOKEN");
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("A1=-", "B1=-"), key -> "x"))
                .hasMessageContaining("argument 2").hasMessageContaining("second time");
        assertThatThrownBy(() -> EnvAssignments.parseArguments(List.of("A1=-")))
                .hasMessageContaining("standard input");
    }

    @Test
    void namesOnlyRefusesAnAssignmentUnshown() {
        assertThat(EnvAssignments.parseNames(List.of("A1", "B_2"))).containsExactly("A1", "B_2");
        assertThatThrownBy(() -> EnvAssignments.parseNames(List.of("A1", "K=s3cr3t")))
                .hasMessageContaining("Argument 2").hasMessageNotContaining("s3cr3t");
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
        Files.writeString(file, "A1=ok\njunk-s3cr3t\n");
        Path badName = dir.resolve("bad.env");
        Files.writeString(badName, "\n# x\nK:s3cr3t=1\n");

        assertThatThrownBy(() -> EnvAssignments.parseDotEnv(file)).hasMessageContaining("line 2")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> EnvAssignments.parseDotEnv(badName)).hasMessageContaining("line 3")
                .hasMessageNotContaining("s3cr3t");
    }
}
