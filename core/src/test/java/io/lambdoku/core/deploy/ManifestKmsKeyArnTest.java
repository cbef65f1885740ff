package io.lambdoku.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.lambda.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lambdoku.json "kmsKeyArn": Lambda's at-rest key for the function's environment, a setting deployed with it. */
class ManifestKmsKeyArnTest {

    private static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @TempDir
    Path dir;

    @Test
    void theKeyIsASettingOfTheDeployedFunction() throws IOException {
        write("{\"name\": \"shop\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"kmsKeyArn\": \"" + KEY + "\"}");

        Manifest m = ManifestReader.read(dir);

        assertThat(m.kmsKeyArn()).contains(KEY);
        assertThat(m.withName("shop-staging").kmsKeyArn()).contains(KEY);
        assertThat(m.settings("arn:aws:iam::000000000000:role/r", Map.of("MODE", "one")).kmsKeyArn()).contains(KEY);
    }

    /** Lambda keeps no KMSKeyArn for a function without environment variables: neither is one wanted then. */
    @Test
    void withoutConfigVarsNoKeyIsWanted() throws IOException {
        write("{\"name\": \"shop\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"kmsKeyArn\": \"" + KEY + "\"}");

        assertThat(ManifestReader.read(dir).settings("arn:aws:iam::000000000000:role/r", Map.of()).kmsKeyArn()).isEmpty();
    }

    @Test
    void absentOrEmptyMeansLambdasDefaultKey() throws IOException {
        write("{\"name\": \"shop\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\", \"kmsKeyArn\": \"\"}");

        assertThat(ManifestReader.read(dir).kmsKeyArn()).isEmpty();
    }

    @Test
    void aValueThatIsNoArnIsRefusedNamingLineAndKey() throws IOException {
        write("{\"name\": \"shop\", \"runtime\": \"python3.12\", \"handler\": \"app.handler\",\n  \"kmsKeyArn\": \"alias/lambdoku\"}");

        assertThatThrownBy(() -> ManifestReader.read(dir)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("lambdoku.json line 2: KMS key 'alias/lambdoku' is not a key ARN");
    }

    private void write(String json) throws IOException {
        Files.writeString(dir.resolve(Manifest.FILE), json);
    }
}
