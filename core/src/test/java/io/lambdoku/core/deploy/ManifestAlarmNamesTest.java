package io.lambdoku.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.infra.AlarmSpec;
import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alarm names in lambdoku.json: the account's, so each starts with its function's name, on every backend. */
class ManifestAlarmNamesTest {

    @TempDir
    Path dir;

    @Test
    void anAlarmNamedWithoutItsFunctionsPrefixIsRefusedNamingLineAndKey() throws IOException {
        write("{\n  \"name\": \"shop\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\",\n"
                + "  \"alarms\": [{\"metric\": \"Errors\", \"threshold\": 1,\n    \"name\": \"HighErrors\"}]\n}");

        assertThatThrownBy(() -> ManifestReader.read(dir)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lambdoku.json line 4: alarms[0].name 'HighErrors' must start with 'shop-', like"
                        + " shop-Errors");
    }

    @Test
    void anAlarmFollowsItsFunctionWhenTheFolderIsDeployedUnderAnotherName() throws IOException {
        write("{\"name\": \"shop\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"alarms\": ["
                + "{\"metric\": \"Errors\", \"threshold\": 1}, {\"metric\": \"Duration\", \"threshold\": 900, \"name\": \"shop-slow\"}]}");

        Manifest staging = ManifestReader.read(dir).withName("shop-staging");

        assertThat(staging.infra().alarms()).extracting(AlarmSpec::name).containsExactly("shop-staging-Errors", "shop-staging-slow");
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve(Manifest.FILE), json);
    }
}
