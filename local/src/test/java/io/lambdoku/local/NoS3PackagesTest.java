package io.lambdoku.local;

import static io.lambdoku.core.release.ReleaseScenarios.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lambdoku.core.code.S3Package;
import io.lambdoku.core.event.Events;
import io.lambdoku.core.lambda.FunctionConfig;
import io.lambdoku.core.lambda.FunctionSettings;
import io.lambdoku.core.lambda.InvalidParameterException;
import io.lambdoku.core.lambda.NewFunction;
import io.lambdoku.core.lambda.S3Code;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend has no S3: an s3:// package is refused in one sentence, and nothing changes. */
class NoS3PackagesTest {

    private static final String REFUSAL = "The local backend cannot deploy s3://… packages: it has no S3; download the zip "
            + "and deploy the file, or use --backend aws.";
    private static final FunctionSettings SETTINGS = new FunctionSettings("python3.12", "app.handler",
            "arn:aws:iam::000000000000:role/test", 128, 3, Map.of(), List.of());
    private static final S3Code OBJECT = new S3Code("builds", "shop.zip", Optional.empty(), "abc=", 10);

    @TempDir
    Path home;

    @Test
    void resolvingAnS3PackageIsRefused() {
        assertThatThrownBy(() -> new NoS3Packages().resolve("shop", S3Package.parse("s3://builds/shop.zip"), Events.NONE))
                .isInstanceOf(InvalidParameterException.class).hasMessage(REFUSAL);
    }

    @Test
    void creatingOrUpdatingFromS3IsRefusedAndChangesNothing() {
        try (LocalLambda lambda = LocalLambda.open(new LocalOptions(home, "eu-west-1", Duration.ZERO))) {
            assertThatThrownBy(() -> lambda.createFunction(new NewFunction("shop", SETTINGS, "", OBJECT, Map.of())))
                    .isInstanceOf(InvalidParameterException.class).hasMessage(REFUSAL);
            assertThat(lambda.listFunctions()).isEmpty();

            FunctionConfig created = lambda.createFunction(new NewFunction("shop", SETTINGS, "", zipOf("app.py", "x"), Map.of()));
            assertThatThrownBy(() -> lambda.updateFunctionCode("shop", OBJECT, Optional.empty()))
                    .isInstanceOf(InvalidParameterException.class).hasMessage(REFUSAL);
            assertThat(lambda.getFunction("shop", FunctionConfig.LATEST).revisionId()).isEqualTo(created.revisionId());
        }
    }
}
